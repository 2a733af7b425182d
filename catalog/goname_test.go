package catalog_test

import (
	"errors"
	"fmt"
	"maps"
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
		if got := catalog.CommonPrefix(tt.codes); got != tt.want {
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
		// Without the prefix trimmed, the code's own name.
		{"IdentityCenter.1000", "", "IdentityCenter1000"},
		{"IIC.1000", "", "IIC1000"},
		{"ELB.1061", "ELB.", "Code1061"},
		{"ELB.1061", "", "ELB1061"},
		{"Ecs.0000", "", "Ecs0000"},
		{"Common.0013", "", "Common0013"},
		{"errors.userLoginFailed", "", "ErrorsUserLoginFailed"},
		{"error.y", "", "ErrorY"},
		{"400", "", "Code400"},
		{"user_not_found", "", "UserNotFound"},
		{"A-b:c/d e", "", "ABCDE"},
		{"ELB.1061.x", "ELB.", "Code1061X"},
		// After digits, a word keeps its case: only a part's first letter
		// is upper-cased.
		{"ELB.1061abc", "ELB.", "Code1061abc"},
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

		// Initialisms, as Go writes them.
		{"noSmtpConnection", "", "NoSMTPConnection"},
		{"invalidUserId", "", "InvalidUserID"},
		{"errors.invalidUrl", "errors.", "InvalidURL"},
		{"errors.invalidUrl", "", "ErrorsInvalidURL"},
		{"id", "", "ID"},
		{"user_id", "", "UserID"},
		{"userID", "", "UserID"},
		{"HTTPServer", "", "HTTPServer"},
		{"httpServer", "", "HTTPServer"},
		{"apiKeyInvalid", "", "APIKeyInvalid"},
		{"jsonParseError", "", "JSONParseError"},
		{"utf8Invalid", "", "UTF8Invalid"},
		{"notUtf8", "", "NotUTF8"},
		{"http2Error", "", "HTTP2Error"},
		{"https", "", "HTTPS"},
		{"xmlHttpRequest", "", "XMLHTTPRequest"},
		{"userId2", "", "UserID2"},
		{"uuid-v4", "", "UUIDV4"},
		// Not inside longer words.
		{"IdentityCenter.Idle", "IdentityCenter.", "Idle"},
		{"Identity.apiary", "", "IdentityApiary"},
		{"userIds", "", "UserIds"},
		{"invalidurl", "", "Invalidurl"},
		// Only ASCII words: the Turkish dotless ı upper-cases to I.
		{"ıd", "", "Id"},

		// SCREAMING_SNAKE_CASE words are written as words; a single
		// upper-case word is an acronym and stays.
		{"NOT_FOUND", "", "NotFound"},
		{"RATE_LIMIT_EXCEEDED", "", "RateLimitExceeded"},
		{"INVALID_URL", "", "InvalidURL"},
		{"ACCESS_DENIED_2", "", "AccessDenied2"},
		{"HTTP2_ERROR", "", "HTTP2Error"},
		{"ELB.NOT_FOUND", "", "ELBNotFound"},
		{"ELB.NOT_FOUND", "ELB.", "NotFound"},
		{"ERR_404", "", "ERR404"},
		{"HTTP_404", "", "HTTP404"},
		{"IAM.ELB", "", "IAMELB"},
		{"NOTFOUND", "", "NOTFOUND"},
		{"ÜBER_STRASSE", "", "ÜberStrasse"},
		// One lower-case letter: not SCREAMING_SNAKE_CASE.
		{"NOT_Found", "", "NOTFound"},
	}
	for _, tt := range tests {
		if got := catalog.GoName(tt.code, tt.prefix); got != tt.want {
			t.Errorf("GoName(%q, %q) = %q, want %q", tt.code, tt.prefix, got, tt.want)
		}
	}
}

func TestSourceName(t *testing.T) {
	for in, want := range map[string]string{
		"USER_LOGIN_FAILED": "UserLoginFailed",
		"userLoginFailed":   "UserLoginFailed",
		"UserLoginFailed":   "UserLoginFailed",
		"notUnique":         "NotUnique",
		// A suggested name is an identifier of another language: all
		// upper-case is a constant's case, even for one word.
		"ERROR":            "Error",
		"HTTP_404":         "HTTP404",
		"INVALID_USER_ID":  "InvalidUserID",
		"invalidClientId":  "InvalidClientID",
		"already-Good":     "AlreadyGood",
		"9lives":           "Code9lives",
		"__":               "",
		"":                 "",
		"ÜBER":             "Über",
		"NO_SMTP_SERVER_2": "NoSMTPServer2",
	} {
		if got := catalog.SourceName(in); got != want {
			t.Errorf("SourceName(%q) = %q, want %q", in, got, want)
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

// ordered returns the names of c's codes in order.
func ordered(c *catalog.Catalog, m map[string]string) []string {
	var out []string
	for _, code := range c.Codes() {
		out = append(out, m[code])
	}
	return out
}

func TestGoNames(t *testing.T) {
	x := []string{"x."}
	tests := []struct {
		name  string
		codes []string
		n     catalog.Naming
		want  []string
		err   []string
	}{
		{"huawei", []string{"IdentityCenter.400", "IdentityCenter.1000"}, catalog.Naming{TrimPrefixes: []string{"IdentityCenter."}}, []string{"Code400", "Code1000"}, nil},
		// No automatic common prefix: the names are the codes'.
		{"huawei untrimmed", []string{"IdentityCenter.400", "IdentityCenter.1000"}, catalog.Naming{}, []string{"IdentityCenter400", "IdentityCenter1000"}, nil},
		{"nevis", []string{"errors.userLoginFailed", "error.y"}, catalog.Naming{}, []string{"ErrorsUserLoginFailed", "ErrorY"}, nil},
		{"scim", []string{"400", "404"}, catalog.Naming{}, []string{"Code400", "Code404"}, nil},
		{"reserved derived", []string{"x.Error", "x.lookup", "x.Code", "x.match_"}, catalog.Naming{TrimPrefixes: x},
			[]string{"CodeError", "CodeLookup", "CodeCode", "CodeMatch"}, nil},
		{"override", []string{"IdentityCenter.400", "IdentityCenter.1000"}, catalog.Naming{Names: map[string]string{"IdentityCenter.1000": "NoPermission"}, TrimPrefixes: []string{"IdentityCenter."}},
			[]string{"Code400", "NoPermission"}, nil},
		{"unicode override", []string{"a.1"}, catalog.Naming{Names: map[string]string{"a.1": "Ärger"}}, []string{"Ärger"}, nil},
		{"collision", []string{"x.a_b", "x.a", "x.a-b"}, catalog.Naming{TrimPrefixes: x}, nil,
			[]string{`x.html: code "x.a-b" (table 1, row 3)`, `codes "x.a_b" and "x.a-b" both get the Go name AB`, "names:", "errgen.yaml"}},
		// Initialisms make new collisions possible; they are reported the same.
		{"initialism collision", []string{"userId", "userID"}, catalog.Naming{}, nil, []string{`codes "userId" and "userID" both get the Go name UserID`}},
		{"collision with reserved move", []string{"x.Error", "x.CodeError"}, catalog.Naming{TrimPrefixes: x}, nil, []string{`"x.Error" and "x.CodeError"`, "CodeError"}},
		{"override collides with derived", []string{"x.a", "x.b"}, catalog.Naming{Names: map[string]string{"x.a": "B"}, TrimPrefixes: x}, nil, []string{`"x.a" and "x.b"`, " B;"}},
		{"override fixes collision", []string{"x.a_b", "x.a-b"}, catalog.Naming{Names: map[string]string{"x.a-b": "ADashB"}, TrimPrefixes: x}, []string{"AB", "ADashB"}, nil},
		{"empty name", []string{"x.1", "--"}, catalog.Naming{}, nil, []string{`code "--" (table 1, row 2)`, "no letter or digit;", "names:", "errgen.yaml"}},
		{"empty after prefix", []string{"x.1", "x.--"}, catalog.Naming{TrimPrefixes: x}, nil, []string{`code "x.--" (table 1, row 2)`, `no letter or digit after the prefix "x."`}},
		{"empty code", []string{""}, catalog.Naming{}, nil, []string{`code ""`, "names:"}},
		{"override keyword", []string{"x.1"}, catalog.Naming{Names: map[string]string{"x.1": "func"}}, nil, []string{`"func"`, "exported Go identifier"}},
		{"override predeclared", []string{"x.1"}, catalog.Naming{Names: map[string]string{"x.1": "string"}}, nil, []string{`"string"`, "exported Go identifier"}},
		{"override empty", []string{"x.1"}, catalog.Naming{Names: map[string]string{"x.1": ""}}, nil, []string{`override ""`}},
		{"override reserved", []string{"x.1"}, catalog.Naming{Names: map[string]string{"x.1": "FromResponse"}}, nil, []string{`"FromResponse"`, "clashes"}},
		{"override unknown code", []string{"x.1"}, catalog.Naming{Names: map[string]string{"x.2": "Two"}}, nil, []string{`names: "x.2"`, "does not document"}},
		// With trim_prefixes, the longest listed prefix goes: the Nevis
		// IDM codes start with "errors." or "error.".
		{"trim prefixes", []string{"errors.userLoginFailed", "errors.property.stringmaxlen", "error.login.userState", "errors.credentialFidoUaf.notUnique", "errorsX", "other.code"},
			catalog.Naming{TrimPrefixes: []string{"error.", "errors."}},
			[]string{"UserLoginFailed", "PropertyStringmaxlen", "LoginUserState", "CredentialFidoUafNotUnique", "ErrorsX", "OtherCode"}, nil},
		{"trim collision", []string{"errors.noRecord", "error.noRecord"}, catalog.Naming{TrimPrefixes: []string{"errors.", "error."}}, nil,
			[]string{`codes "errors.noRecord" and "error.noRecord" both get the Go name NoRecord`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cat(tt.codes...)
			got, err := catalog.GoNames(c, tt.n)
			if tt.err == nil {
				if err != nil {
					t.Fatal(err)
				}
				if o := ordered(c, got); !slices.Equal(o, tt.want) {
					t.Errorf("names = %q, want %q", o, tt.want)
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
	// A prefix equal to the whole code is not trimmed.
	if p := catalog.TrimPrefix("errors.", []string{"errors."}); p != "" {
		t.Errorf("TrimPrefix of the whole code = %q", p)
	}
}

// A name the source suggests beats derivation, and an override beats it;
// in a package for listed errors, Errors is taken.
func TestGoNamesSuggested(t *testing.T) {
	c := cat("errors.a", "errors.b", "errors.c", "errors.errors", "errors.d")
	c.Entries[0].Name = "USER_LOGIN_FAILED"
	c.Entries[1].Name = "notUnique"
	c.Entries[2].Name = "Overridden"
	c.Entries[4].Name = "Errors"
	c.Envelope.Shapes = []catalog.Shape{{Code: "/errors/*/code"}}
	// errors.errors and errors.d (suggested Errors) both become CodeErrors.
	_, err := catalog.GoNames(c, catalog.Naming{Names: map[string]string{"errors.c": "Mine"}, TrimPrefixes: []string{"errors."}})
	if err == nil || !strings.Contains(err.Error(), `codes "errors.errors" and "errors.d" both get the Go name CodeErrors`) {
		t.Errorf("suggested reserved name: %v", err)
	}
	c.Entries = c.Entries[:4]
	got, err := catalog.GoNames(c, catalog.Naming{Names: map[string]string{"errors.c": "Mine"}, TrimPrefixes: []string{"errors."}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"UserLoginFailed", "NotUnique", "Mine", "CodeErrors"}; !slices.Equal(ordered(c, got), want) {
		t.Errorf("names = %q, want %q", ordered(c, got), want)
	}
	// Without a list envelope, Errors is free.
	c.Envelope = catalog.Envelope{}
	got, _ = catalog.GoNames(c, catalog.Naming{TrimPrefixes: []string{"errors."}})
	if got["errors.errors"] != "Errors" {
		t.Errorf("errors.errors = %q without a list envelope, want Errors", got["errors.errors"])
	}
}

// On error, GoNames still names every code it can, for diff.
func TestGoNamesBestEffort(t *testing.T) {
	c := cat("x.a", "x.b", "--", "x.c")
	got, err := catalog.GoNames(c, catalog.Naming{Names: map[string]string{"x.b": "A", "x.gone": "Gone", "x.c": "bad"}})
	if err == nil {
		t.Fatal("no error")
	}
	want := map[string]string{"x.a": "XA", "x.b": "A", "x.c": "bad"}
	if !maps.Equal(got, want) {
		t.Errorf("names = %v, want %v", got, want)
	}
	// The first problem in a fixed order: overrides by code, then codes.
	if !strings.Contains(err.Error(), `override "bad"`) {
		t.Errorf("error %v, want the one about x.c's override", err)
	}
}

func scimCatalog(exts ...catalog.Extension) *catalog.Catalog {
	env, _ := catalog.NamedEnvelope("scim")
	env.Extensions = exts
	c := cat("400", "passwordRequirement", "decode", "errorSchema", "extension")
	c.Envelope = env
	return c
}

var pingExt = catalog.Extension{
	URN:  "urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError",
	Name: "PasswordUpdateError",
	Fields: []catalog.Field{
		{Name: "passwordRequirements", Pointer: "/passwordRequirements", Type: "array"},
		{Name: "type", Pointer: "/passwordRequirements/*/type", Type: "string"},
		{Name: "requirementSatisfied", Pointer: "/passwordRequirements/*/requirementSatisfied", Type: "boolean"},
		{Name: "additionalInfo", Pointer: "/passwordRequirements/*/additionalInfo", Type: "object"},
		{Name: "minLength", Pointer: "/passwordRequirements/*/additionalInfo/minLength", Type: "integer"},
		{Name: "userId", Pointer: "/userId", Type: "string"},
	},
}

// A SCIM package declares Decode, ErrorSchema and its extension types;
// constants that would take them get the prefix Code.
func TestGoNamesSCIM(t *testing.T) {
	c := scimCatalog(pingExt)
	got, err := catalog.GoNames(c, catalog.Naming{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Code400", "CodePasswordRequirement", "CodeDecode", "CodeErrorSchema", "Extension"}; !slices.Equal(ordered(c, got), want) {
		t.Errorf("names = %q, want %q", ordered(c, got), want)
	}
	reserved, err := catalog.ReservedGoNames(c)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Code", "Entry", "Info", "Error", "Lookup", "All", "Parse", "FromResponse", "Match", "MatchEntry",
		"Decode", "ErrorSchema", "PasswordUpdateError", "PasswordRequirement", "AdditionalInfo"}
	if !slices.Equal(reserved, want) {
		t.Errorf("ReservedGoNames = %q, want %q", reserved, want)
	}
	exts, err := catalog.SCIMTypes(c)
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	for _, x := range exts {
		for _, ty := range x.Types {
			var fs []string
			for _, f := range ty.Fields {
				fs = append(fs, f.GoName+":"+f.Type)
			}
			types = append(types, fmt.Sprintf("%s(%s)%v", ty.Name, ty.Of, fs))
		}
	}
	wantTypes := []string{
		"PasswordUpdateError()[PasswordRequirements:PasswordRequirement UserID:]",
		"PasswordRequirement(PasswordUpdateError.PasswordRequirements)[Type: RequirementSatisfied: AdditionalInfo:AdditionalInfo]",
		"AdditionalInfo(PasswordRequirement.AdditionalInfo)[MinLength:]",
	}
	if !slices.Equal(types, wantTypes) {
		t.Errorf("SCIMTypes:\n got %q\nwant %q", types, wantTypes)
	}

	// An override may not take them either.
	_, err = catalog.GoNames(c, catalog.Naming{Names: map[string]string{"400": "PasswordUpdateError"}})
	if err == nil || !strings.Contains(err.Error(), "clashes") {
		t.Errorf("override of an extension type: %v", err)
	}
	// "Code" before a reserved name may be reserved too: an extension
	// type CodeLookup and a code "lookup" (Lookup is the package's) are a
	// problem to report, not a package that does not compile.
	clash := scimCatalog(catalog.Extension{URN: "urn:example:scim:CodeLookup"})
	clash.Entries = append(clash.Entries, catalog.Entry{Code: "lookup"})
	if _, err := catalog.GoNames(clash, catalog.Naming{}); err == nil || !strings.Contains(err.Error(), "CodeLookup clashes") {
		t.Errorf("code lookup beside extension CodeLookup: %v", err)
	}
	// Other envelopes reserve none of them.
	c.Envelope.Shapes = []catalog.Shape{{Code: "/code"}}
	got, _ = catalog.GoNames(c, catalog.Naming{})
	if got["decode"] != "Decode" || got["passwordRequirement"] != "PasswordRequirement" {
		t.Errorf("without the SCIM envelope: %v", got)
	}
}

func TestSCIMTypesProblems(t *testing.T) {
	for _, tt := range []struct {
		name string
		exts []catalog.Extension
		want string
	}{
		{"no URN", []catalog.Extension{{Name: "X"}}, "extension 0 has no URN"},
		{"two extensions", []catalog.Extension{{URN: "urn:a:X"}, {URN: "urn:b:X"}}, `extension "urn:a:X" and extension "urn:b:X" both get the Go type name X`},
		{"own name", []catalog.Extension{{URN: "urn:a:Decode"}}, ""}, // becomes DecodeExtension
		{"field type takes an own name", []catalog.Extension{{URN: "urn:a:X", Fields: []catalog.Field{
			{Name: "info", Pointer: "/info", Type: "object"}, {Name: "a", Pointer: "/info/a"},
		}}}, "gets the Go name Info, which the generated package uses itself"},
		{"two fields", []catalog.Extension{{URN: "urn:a:X", Fields: []catalog.Field{
			{Name: "user_id", Pointer: "/user_id"}, {Name: "userId", Pointer: "/userId"},
		}}}, `fields "user_id" and "userId" both get the Go name UserID in X`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := scimCatalog(tt.exts...)
			_, err := catalog.SCIMTypes(c)
			_, nerr := catalog.GoNames(c, catalog.Naming{})
			if tt.want == "" {
				if err != nil || nerr != nil {
					t.Fatalf("SCIMTypes: %v; GoNames: %v", err, nerr)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("SCIMTypes: %v, want %q", err, tt.want)
			}
			// GoNames reports the same problem: the names depend on the types.
			if nerr == nil || nerr.Error() != err.Error() {
				t.Errorf("GoNames: %v, want %v", nerr, err)
			}
		})
	}
}

// The point of it all: a name depends on its code alone, so adding codes,
// even ones without the prefix all the others share, renames nothing.
func TestGoNamesStable(t *testing.T) {
	old := cat("IdentityCenter.400", "IdentityCenter.404", "IdentityCenter.1000", "errors.x")
	for _, n := range []catalog.Naming{
		{},
		{TrimPrefixes: []string{"IdentityCenter."}},
		{Names: map[string]string{"IdentityCenter.400": "BadRequest"}, TrimPrefixes: []string{"IdentityCenter.", "errors."}},
	} {
		before, err := catalog.GoNames(old, n)
		if err != nil {
			t.Fatal(err)
		}
		grown := cat(append(old.Codes(), "IIC.1000", "Other-2", "IdentityCenter.9")...)
		after, err := catalog.GoNames(grown, n)
		if err != nil {
			t.Fatal(err)
		}
		for code, name := range before {
			if after[code] != name {
				t.Errorf("%+v: %s was %s, is %s once codes are added", n, code, name, after[code])
			}
		}
	}
}
