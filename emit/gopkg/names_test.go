package gopkg

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

func TestCommonPrefix(t *testing.T) {
	tests := []struct {
		codes []string
		want  string
	}{
		{[]string{"IdentityCenter.400", "IdentityCenter.1000", "IdentityCenter.1210"}, "IdentityCenter."},
		{[]string{"ELB.0002", "ELB.1061", "ELB.7001"}, "ELB."},
		// The ECS page mixes Ecs., Common. and Pdp. codes.
		{[]string{"Ecs.0000", "Common.0013", "Pdp.0001"}, ""},
		{[]string{"Ecs.0000", "Ecs.0001"}, "Ecs."},
		// Nevis: errors. and error. share "error", which ends at no separator.
		{[]string{"errors.userLoginFailed", "error.y"}, ""},
		{[]string{"errors.user.x", "errors.user.y"}, "errors.user."},
		{[]string{"errors.user.x", "errors.userName"}, "errors."},
		// SCIM statuses.
		{[]string{"400", "404", "409"}, ""},
		{[]string{"A_B-C:D/E", "A_B-C:D/F"}, "A_B-C:D/"},
		{[]string{"IdentityCenter.1000"}, "IdentityCenter."},
		{[]string{"ELB"}, ""},
		// A prefix must leave every code something.
		{[]string{"A.", "A.b"}, ""},
		{[]string{"A.B.", "A.B.c"}, "A."},
		{[]string{"Ü.é", "Ü.è"}, "Ü."},
		{nil, ""},
		{[]string{""}, ""},
	}
	for _, tt := range tests {
		if got := CommonPrefix(tt.codes); got != tt.want {
			t.Errorf("CommonPrefix(%q) = %q, want %q", tt.codes, got, tt.want)
		}
	}
}

func TestGoName(t *testing.T) {
	tests := []struct {
		code, prefix, want string
	}{
		{"IdentityCenter.1000", "IdentityCenter.", "Code1000"},
		{"IdentityCenter.400", "IdentityCenter.", "Code400"},
		{"ELB.1061", "ELB.", "Code1061"},
		{"Ecs.0000", "", "Ecs0000"},
		{"Common.0013", "", "Common0013"},
		{"errors.userLoginFailed", "", "ErrorsUserLoginFailed"},
		{"error.y", "", "ErrorY"},
		{"400", "", "Code400"},
		{"user_not_found", "", "UserNotFound"},
		{"A-b:c/d e", "", "ABCDE"},
		{"ELB.1061.x", "ELB.", "Code1061X"},
		{"iam.ÜBER-straße", "", "IamÜBERStraße"},
		{"ошибка.доступа", "", "ОшибкаДоступа"},
		// No upper case for Han: not exported, so Code in front.
		{"错误.权限", "", "Code错误权限"},
		{"ßig", "", "Codeßig"},
		{"x\u0301y", "", "XY"}, // a combining mark is no letter
		{"a\xffb", "", "AB"},
		{"IdentityCenter.", "IdentityCenter.", ""},
		{"--", "", ""},
		{"", "", ""},
		// The prefix is only removed where it is a prefix.
		{"Other.1", "IdentityCenter.", "Other1"},
	}
	for _, tt := range tests {
		if got := GoName(tt.code, tt.prefix); got != tt.want {
			t.Errorf("GoName(%q, %q) = %q, want %q", tt.code, tt.prefix, got, tt.want)
		}
	}
}

func cat(codes ...string) *catalog.Catalog {
	c := &catalog.Catalog{ID: "test/x", Source: catalog.Source{File: "x.html"}}
	for i, code := range codes {
		c.Entries = append(c.Entries, catalog.Entry{Code: code, Origin: catalog.Origin{Table: 1, Row: i + 1}})
	}
	return c
}

func TestNames(t *testing.T) {
	tests := []struct {
		name      string
		codes     []string
		overrides map[string]string
		want      []string
		err       []string
	}{
		{"huawei", []string{"IdentityCenter.400", "IdentityCenter.1000"}, nil, []string{"Code400", "Code1000"}, nil},
		{"nevis", []string{"errors.userLoginFailed", "error.y"}, nil, []string{"ErrorsUserLoginFailed", "ErrorY"}, nil},
		{"scim", []string{"400", "404"}, nil, []string{"Code400", "Code404"}, nil},
		{"reserved derived", []string{"x.Error", "x.lookup", "x.Code", "x.match_"}, nil,
			[]string{"CodeError", "CodeLookup", "CodeCode", "CodeMatch"}, nil},
		{"override", []string{"IdentityCenter.400", "IdentityCenter.1000"}, map[string]string{"IdentityCenter.1000": "NoPermission"},
			[]string{"Code400", "NoPermission"}, nil},
		{"unicode override", []string{"a.1"}, map[string]string{"a.1": "Ärger"}, []string{"Ärger"}, nil},
		{"collision", []string{"x.a_b", "x.a", "x.a-b"}, nil, nil,
			[]string{`x.html: code "x.a-b" (table 1, row 3)`, `codes "x.a_b" and "x.a-b" both get the Go name AB`, "names:", "errgen.yaml"}},
		{"collision with reserved move", []string{"x.Error", "x.CodeError"}, nil, nil, []string{`"x.Error" and "x.CodeError"`, "CodeError"}},
		{"override collides with derived", []string{"x.a", "x.b"}, map[string]string{"x.a": "B"}, nil, []string{`"x.a" and "x.b"`, " B;"}},
		{"override fixes collision", []string{"x.a_b", "x.a-b"}, map[string]string{"x.a-b": "ADashB"}, []string{"AB", "ADashB"}, nil},
		{"empty name", []string{"x.1", "x.--"}, nil, nil, []string{`code "x.--" (table 1, row 2)`, "no letter or digit", "names:", "errgen.yaml"}},
		{"empty code", []string{""}, nil, nil, []string{`code ""`, "names:"}},
		{"override keyword", []string{"x.1"}, map[string]string{"x.1": "func"}, nil, []string{`"func"`, "exported Go identifier"}},
		{"override predeclared", []string{"x.1"}, map[string]string{"x.1": "string"}, nil, []string{`"string"`, "exported Go identifier"}},
		{"override empty", []string{"x.1"}, map[string]string{"x.1": ""}, nil, []string{`override ""`}},
		{"override reserved", []string{"x.1"}, map[string]string{"x.1": "FromResponse"}, nil, []string{`"FromResponse"`, "clashes"}},
		{"override unknown code", []string{"x.1"}, map[string]string{"x.2": "Two"}, nil, []string{`names: "x.2"`, "does not document"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cat(tt.codes...)
			got, err := names(c, c.Codes(), Options{Names: tt.overrides}, false)
			if tt.err == nil {
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got, tt.want) {
					t.Errorf("names = %q, want %q", got, tt.want)
				}
				return
			}
			var d *catalog.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("got %q, %v; want a *catalog.Diagnostic", got, err)
			}
			for _, w := range tt.err {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// With trim_prefixes the longest listed prefix goes instead of the common
// one: the Nevis IDM codes start with "errors." or "error.".
func TestTrimPrefixes(t *testing.T) {
	c := cat("errors.userLoginFailed", "errors.property.stringmaxlen", "error.login.userState", "errors.credentialFidoUaf.notUnique", "errorsX", "other.code")
	got, err := names(c, c.Codes(), Options{TrimPrefixes: []string{"error.", "errors."}}, false)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"UserLoginFailed", "PropertyStringmaxlen", "LoginUserState", "CredentialFidoUafNotUnique", "ErrorsX", "OtherCode"}
	if !slices.Equal(got, want) {
		t.Errorf("names = %q, want %q", got, want)
	}
	// Trimming makes collisions possible; they stay errors naming both.
	c = cat("errors.noRecord", "error.noRecord")
	_, err = names(c, c.Codes(), Options{TrimPrefixes: []string{"errors.", "error."}}, false)
	if err == nil || !strings.Contains(err.Error(), `codes "errors.noRecord" and "error.noRecord" both get the Go name NoRecord`) {
		t.Errorf("collision: %v", err)
	}
	// A prefix equal to the whole code is not trimmed.
	if p := TrimPrefix("errors.", []string{"errors."}); p != "" {
		t.Errorf("TrimPrefix of the whole code = %q", p)
	}
}

// A name the source suggests beats derivation, and an override beats it;
// in a package for listed errors, Errors is taken.
func TestSourceNames(t *testing.T) {
	c := cat("errors.a", "errors.b", "errors.c", "errors.errors")
	c.Entries[0].Name = "USER_LOGIN_FAILED"
	c.Entries[1].Name = "notUnique"
	c.Entries[2].Name = "Overridden"
	got, err := names(c, c.Codes(), Options{Names: map[string]string{"errors.c": "Mine"}, TrimPrefixes: []string{"errors."}}, true)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"UserLoginFailed", "NotUnique", "Mine", "CodeErrors"}; !slices.Equal(got, want) {
		t.Errorf("names = %q, want %q", got, want)
	}
	for in, want := range map[string]string{"HTTP_404": "Http404", "already-Good": "AlreadyGood", "9lives": "Code9lives", "__": ""} {
		if got := SourceName(in); got != want {
			t.Errorf("SourceName(%q) = %q, want %q", in, got, want)
		}
	}
}
