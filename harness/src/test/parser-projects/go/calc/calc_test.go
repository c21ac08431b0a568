package calc

import (
	"fmt"
	"os"
	"testing"
)

func TestAdd(t *testing.T) {
	if Add(2, 3) != 5 {
		t.Fatal("2+3 should be 5")
	}
}

func TestAddWrong(t *testing.T) {
	t.Log("checking a wrong expectation")
	if Add(2, 2) != 5 {
		t.Errorf("Add(2, 2) = %d, want 5", Add(2, 2))
	}
}

func TestSkipped(t *testing.T) {
	t.Skip("not on this platform")
}

// Table-driven subtests with names holding spaces, slashes and symbols, nested one level deeper.
func TestTable(t *testing.T) {
	cases := []struct {
		name string
		a, b int
		want int
	}{
		{"small numbers", 1, 2, 3},
		{"negative/zero", -1, 1, 0},
		{"wrong on purpose", 1, 1, 3},
		{"unicode ✓ name", 2, 2, 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Add(c.a, c.b); got != c.want {
				t.Errorf("Add(%d, %d) = %d, want %d", c.a, c.b, got, c.want)
			}
			t.Run("commutes", func(t *testing.T) {
				if Add(c.b, c.a) != Add(c.a, c.b) {
					t.Fatal("not commutative")
				}
			})
		})
	}
}

// Parallel subtests interleave their output and end in a different order than they start.
func TestParallel(t *testing.T) {
	for _, n := range []int{3, 1, 2} {
		n := n
		t.Run(fmt.Sprintf("n=%d", n), func(t *testing.T) {
			t.Parallel()
			fmt.Printf("parallel %d running\n", n)
			if n == 2 {
				t.Skip("two is skipped")
			}
		})
	}
}

// Printing without a trailing newline glues the next framework line onto the print.
func TestPrintsNoNewline(t *testing.T) {
	fmt.Print("partial line without newline")
	os.Stdout.Sync()
}

func TestSkippedSubtest(t *testing.T) {
	t.Run("kept", func(t *testing.T) {})
	t.Run("dropped", func(t *testing.T) { t.Skip("dropped on purpose") })
}
