// Structs hold data, methods attach behaviour, and an interface is satisfied by any type that has its methods.
package main

import (
	"fmt"
	"strings"
)

type Money struct {
	Cents    int64
	Currency string
}

// A value receiver: String works on a copy and cannot change the Money it was called on.
func (m Money) String() string {
	return fmt.Sprintf("%d.%02d %s", m.Cents/100, m.Cents%100, m.Currency)
}

type Cart struct {
	Owner string
	Items []Money
}

// A pointer receiver: Add changes the cart it was called on.
func (c *Cart) Add(m Money) { c.Items = append(c.Items, m) }

func (c Cart) Total() Money {
	total := Money{Currency: "EUR"}
	for _, item := range c.Items {
		total.Cents += item.Cents
	}
	return total
}

// Notifier is a small interface. Nothing declares that it implements it: having the method is enough.
type Notifier interface {
	Notify(to, message string) error
}

type EmailNotifier struct{ sent []string }

func (e *EmailNotifier) Notify(to, message string) error {
	e.sent = append(e.sent, "mail to "+to+": "+message)
	return nil
}

type SMSNotifier struct{ MaxLen int }

func (s SMSNotifier) Notify(to, message string) error {
	if len(message) > s.MaxLen {
		return fmt.Errorf("sms to %s: message has %d characters, limit %d", to, len(message), s.MaxLen)
	}
	fmt.Println("sms to " + to + ": " + message)
	return nil
}

func checkout(c Cart, notifiers []Notifier) {
	msg := fmt.Sprintf("your order of %v is confirmed", c.Total()) // %v calls String()
	for _, n := range notifiers {
		if err := n.Notify(c.Owner, msg); err != nil {
			fmt.Println("could not notify:", err)
		}
	}
}

func main() {
	cart := Cart{Owner: "ada"}
	cart.Add(Money{Cents: 1250, Currency: "EUR"})
	cart.Add(Money{Cents: 399, Currency: "EUR"})
	fmt.Println("items:", len(cart.Items), "total:", cart.Total())

	email := &EmailNotifier{}
	checkout(cart, []Notifier{email, SMSNotifier{MaxLen: 160}, SMSNotifier{MaxLen: 20}})
	fmt.Println(strings.Join(email.sent, "\n"))

	// fmt.Stringer is an interface from the standard library; Money satisfies it too.
	var s fmt.Stringer = Money{Cents: 5, Currency: "USD"}
	fmt.Println(s)
}
