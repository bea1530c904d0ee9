// Three services described as typed records, then printed as a short inventory.
package main

import "fmt"

type Service struct {
	Name     string
	Language string
	Port     int
}

func describe(s Service) string {
	return fmt.Sprintf("%-16s %-8s :%d", s.Name, s.Language, s.Port)
}

func main() {
	services := []Service{
		{Name: "gateway", Language: "Go", Port: 8080},
		{Name: "recommendations", Language: "Python", Port: 8000},
		{Name: "chat", Language: "Node.js", Port: 3000},
	}
	for _, s := range services {
		fmt.Println(describe(s))
	}
	fmt.Printf("%d services\n", len(services))
}
