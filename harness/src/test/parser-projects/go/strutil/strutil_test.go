package strutil

import "testing"

func TestUpper(t *testing.T) {
	if Upper("go") != "GO" {
		t.Fatal("upper")
	}
}

func TestPanics(t *testing.T) {
	var m map[string]int
	m["boom"] = 1 // assignment to a nil map panics
}

func TestNeverRuns(t *testing.T) {
	// runs after the panic in source order, so the binary never gets here
}
