// Package e2e holds errgen's end-to-end test: errgen used the way a
// downstream repository uses it, through go generate.
package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDownstreamGoGenerate creates a module that depends on this checkout
// (through a replace directive), holds a //go:generate line running errgen
// as a tool of the module, and a program using the generated package. It
// runs the README's steps offline (GOPROXY=off): go get -tool, go
// generate, go build, go vet and the program, which parses a Huawei-style error body and checks
// errors.Is through wrapping.
func TestDownstreamGoGenerate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds errgen in a temporary module")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	gosum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(root, "sources", "huaweicloud", "identitycenter", "ErrorCode.html"))
	if err != nil {
		t.Fatal(err)
	}
	// The downstream module needs errgen's requirements to build it; the
	// go.sum of this checkout covers them, so no network is needed.
	requires := string(gomod[bytes.Index(gomod, []byte("require")):])
	files := map[string]string{
		"go.mod": "module example.com/downstream\n\ngo 1.26\n\nrequire github.com/errgen/errgen v0.0.0\n\n" +
			requires + "\nreplace github.com/errgen/errgen => " + filepath.ToSlash(root) + "\n",
		"go.sum":                 string(gosum),
		"sources/ErrorCode.html": string(page),
		"errgen.yaml": `version: 1
catalogs:
  - id: huaweicloud/identitycenter
    source:
      kind: html-table
      file: sources/ErrorCode.html
      url: https://support.huaweicloud.com/intl/en-us/api-identitycenter/ErrorCode.html
      tables: [{index: 1}]
    envelope: huaweicloud
    go: {package: identitycenter, dir: identitycenter, names: {IdentityCenter.1000: NoPermission}}
`,
		"gen.go": `package downstream

//go:generate go tool errgen generate -config errgen.yaml
`,
		"cmd/demo/main.go": `package main

import (
	"errors"
	"fmt"
	"os"

	"example.com/downstream/generated/identitycenter"
)

func main() {
	body := []byte(` + "`" + `{"error_code":"IdentityCenter.1000","error_msg":"No permission for action sso:instances:list.","request_id":"r-42"}` + "`" + `)
	e, ok := identitycenter.Parse(403, body)
	if !ok {
		fmt.Println("Parse failed")
		os.Exit(1)
	}
	err := fmt.Errorf("list instances: %w", e)
	if !errors.Is(err, identitycenter.NoPermission) {
		fmt.Println("errors.Is failed")
		os.Exit(1)
	}
	if errors.Is(err, identitycenter.Code(string("IdentityCenter.1001"))) {
		fmt.Println("errors.Is matched the wrong code")
		os.Exit(1)
	}
	var ie *identitycenter.Error
	if !errors.As(err, &ie) || ie.RequestID() != "r-42" || ie.HTTPStatusCode() != 403 {
		fmt.Println("errors.As failed")
		os.Exit(1)
	}
	info, _ := identitycenter.Lookup("IdentityCenter.1000")
	fmt.Println("ok:", err)
	fmt.Println("solution:", info.Solution)
}
`,
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(gobin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	// The README's install step: errgen as a tool of the module. Offline:
	// the replace and the copied requirements need no network.
	run("get", "-tool", "github.com/errgen/errgen/cmd/errgen")
	if mod, _ := os.ReadFile(filepath.Join(dir, "go.mod")); !bytes.Contains(mod, []byte("tool github.com/errgen/errgen/cmd/errgen")) {
		t.Fatalf("go get -tool added no tool directive:\n%s", mod)
	}
	run("generate", ".")
	// Every output lands in one folder, generated/, by default.
	if _, err := os.Stat(filepath.Join(dir, "generated", "identitycenter", "codes.go")); err != nil {
		t.Fatalf("go generate wrote no package: %v", err)
	}
	for _, stray := range []string{"docs", "openapi", "errgen.manifest"} {
		if _, err := os.Stat(filepath.Join(dir, stray)); err == nil {
			t.Errorf("%s is at the module root, not in generated/", stray)
		}
	}
	run("build", "./...")
	run("vet", "./...")
	out := run("run", "./cmd/demo")
	want := "ok: list instances: identitycenter: IdentityCenter.1000 (HTTP 403): No permission for action sso:instances:list."
	if !strings.Contains(out, want) {
		t.Errorf("demo printed:\n%s\nwant a line containing %q", out, want)
	}
	if !strings.Contains(out, "solution: Check whether you have required permissions.") {
		t.Errorf("demo printed:\n%s\nwant the documented solution", out)
	}
	// The generated package names its downstream import path.
	doc, err := os.ReadFile(filepath.Join(dir, "generated", "identitycenter", "doc.go"))
	if err == nil && !bytes.Contains(doc, []byte("example.com/downstream/generated/identitycenter")) {
		t.Errorf("package doc does not name the import path example.com/downstream/generated/identitycenter")
	}
	// A second go generate is a no-op, and errgen check agrees.
	run("generate", ".")
	run("run", "github.com/errgen/errgen/cmd/errgen", "check", "-config", "errgen.yaml")
}
