// Package strutil holds a test that panics, which stops its package's test binary.
package strutil

import "strings"

func Upper(s string) string { return strings.ToUpper(s) }
