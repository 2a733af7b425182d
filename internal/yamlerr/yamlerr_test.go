package yamlerr

import (
	"strings"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/internal/textsafe"
)

type entry struct {
	File string `yaml:"file"`
	Size int    `yaml:"size"`
}

type doc struct {
	Version int              `yaml:"version"`
	Entries map[string]entry `yaml:"entries"`
}

var shapes = Shapes{
	Types: map[string]string{"yamlerr.entry": "a mapping, one file", "int": "a whole number"},
	Keys:  map[string][]string{"yamlerr.entry": {"file", "size"}, "yamlerr.doc": {"version", "entries"}},
}

func decode(src string) error {
	dec := yaml.NewDecoder(strings.NewReader(src))
	dec.KnownFields(true)
	var d doc
	return dec.Decode(&d)
}

// TestSecretsNotQuoted: a lock or ignore file that is a link to a secret
// (or a pull request's hostile YAML) must not have its content echoed.
func TestSecretsNotQuoted(t *testing.T) {
	const secret = "ghp_Sup3rS3cretT0kenThatMustNotLeakAnywhere"
	for _, tc := range []struct{ name, src, where, want string }{
		{"unknown key", "version: 1\nGITHUB_TOKEN_" + secret + ": x\n", "line 2", `unknown key "GITHUB_TOKEN_ghp_Sup3rS3…" (want one of: version, entries)`},
		{"string for a number", "version: " + secret + "\n", "line 1", "found a string, want a whole number"},
		{"scalar for a mapping", "entries:\n  a: " + secret + "\n", "line 2", "found a string, want a mapping, one file"},
		{"syntax", "version: 1\n\"" + secret + "\": [\n", "line 2", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := decode(tc.src)
			if err == nil {
				t.Fatal("no error")
			}
			where, msg := shapes.Message(err)
			if strings.Contains(msg, secret) {
				t.Errorf("message quotes the secret: %s", msg)
			}
			if where != tc.where {
				t.Errorf("where = %q, want %q (message %q)", where, tc.where, msg)
			}
			if tc.want != "" && msg != tc.want {
				t.Errorf("msg = %q, want %q", msg, tc.want)
			}
		})
	}
}

// FuzzMessage: whatever the document, the message is one line of valid
// UTF-8 with no hidden character and quotes no run of the document longer
// than an excerpt.
func FuzzMessage(f *testing.F) {
	for _, s := range []string{"version: x\n", "a: [\n", "\x1b]0;t\x07: 1\n", "&a [*a, *a]\n", "entries: {k: {file: 1, size: \u202e}}\n", "\"\\xff\": 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		err := decode(src)
		if err == nil {
			return
		}
		where, msg := shapes.Message(err)
		for _, s := range []string{where, msg} {
			if !utf8.ValidString(s) || strings.ContainsAny(s, "\n\r") || !textsafe.Clean(s) {
				t.Fatalf("Message(%q) = %q, %q: not one clean line", src, where, msg)
			}
		}
	})
}
