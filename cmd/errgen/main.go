// Command errgen turns vendor API error documentation into typed Go
// packages. Run "errgen -h" for its verbs; the manual is the package doc of
// github.com/errgen/errgen/internal/cli.
package main

import (
	"os"

	"github.com/errgen/errgen/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr)) }
