// Type parameters (Go 1.18+): one function or type for many element types, checked at compile time.
package main

import (
	"fmt"
	"sort"
	"strings"
)

// Number is a constraint: the set of types a type parameter may be.
// ~int means int and every type defined on top of it, such as Cents below.
type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var total T
	for _, x := range xs {
		total += x
	}
	return total
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

// Max of two ordered values. Go 1.21 added built-in min and max; Go 1.19 has neither.
type Ordered interface {
	~int | ~int64 | ~float64 | ~string
}

func Max[T Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

// A generic type: a set of any comparable element type.
type Set[T comparable] struct{ items map[T]struct{} }

func NewSet[T comparable](xs ...T) *Set[T] {
	s := &Set[T]{items: map[T]struct{}{}}
	for _, x := range xs {
		s.items[x] = struct{}{}
	}
	return s
}

func (s *Set[T]) Has(x T) bool { _, ok := s.items[x]; return ok }
func (s *Set[T]) Len() int     { return len(s.items) }

type Cents int

func main() {
	fmt.Println(Sum([]int{1, 2, 3}), Sum([]float64{0.5, 0.25}), Sum([]Cents{199, 1}))
	fmt.Println(Map([]string{"go", "rust"}, strings.ToUpper))
	fmt.Println(Map([]int{1, 2, 3}, func(n int) string { return strings.Repeat("*", n) }))
	fmt.Println(Max(3, 7), Max("chi", "gin"))

	tags := NewSet("go", "http", "go", "sql")
	fmt.Println(tags.Len(), tags.Has("sql"), tags.Has("rust"))

	// sort.Slice predates generics and takes a less function; Go 1.21 added slices.Sort.
	words := []string{"gin", "chi", "echo"}
	sort.Strings(words)
	fmt.Println(words)
}
