// Package calc is a tiny package whose tests exercise every outcome go test can report.
package calc

func Add(a, b int) int { return a + b }

func Div(a, b int) int { return a / b }
