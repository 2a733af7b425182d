package data

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/golden"
)

// FuzzData feeds arbitrary bytes to Parse, with and without an items
// pointer. It may not panic; every error is a Diagnostic naming the file;
// every entry has a code and the pointer of an item.
func FuzzData(f *testing.F) {
	inputs, err := filepath.Glob("testdata/*/input.*")
	if err != nil {
		f.Fatal(err)
	}
	for _, in := range inputs {
		f.Add(golden.ReadFile(f, in), "")
	}
	f.Add([]byte(`{"a": {"x": {"code": "A", "message": "m n o."}, "y": {"code": "B", "msg": 1}}}`), "/a/*")
	f.Add([]byte("e:\n  - &x {code: A, status: 400 Bad Request, message: M.}\n  - <<: *x\n    code: B\n"), "/e")
	f.Add([]byte(`["A", "B", {"code": null}]`), "#")
	f.Fuzz(func(t *testing.T, src []byte, items string) {
		for _, name := range []string{"f.json", "f.yaml"} {
			entries, report, err := Parse(src, Options{File: name, Items: items})
			if err != nil {
				var d *catalog.Diagnostic
				if !errors.As(err, &d) || d.File != name || d.Message == "" {
					t.Fatalf("error %#v, want a Diagnostic naming %s", err, name)
				}
				continue
			}
			if report == nil {
				t.Fatal("nil report")
			}
			for _, e := range entries {
				if noCode[strings.ToLower(strings.TrimSpace(e.Code))] {
					t.Errorf("entry without a code: %+v", e)
				}
				if _, ok := catalog.SplitPointer(e.Origin.Pointer); !ok || e.Origin.Pointer == "" {
					t.Errorf("bad pointer %q", e.Origin.Pointer)
				}
				if e.Status >= 100 && e.Status < 400 {
					t.Errorf("non-error status %d kept", e.Status)
				}
			}
		}
	})
}
