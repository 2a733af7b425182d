package catalog_test

import (
	"reflect"
	"testing"

	"github.com/errgen/errgen/catalog"
)

func TestSplitPointer(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		ok   bool
	}{
		{"", []string{}, true},
		{"/", []string{""}, true},
		{"/error_code", []string{"error_code"}, true},
		{"/error/code", []string{"error", "code"}, true},
		{"/a~1b/m~0n", []string{"a/b", "m~n"}, true},
		{"/~01", []string{"~1"}, true},
		{"error", nil, false},
		{"/a~", nil, false},
		{"/a~2", nil, false},
	}
	for _, tt := range tests {
		got, ok := catalog.SplitPointer(tt.in)
		if ok != tt.ok || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SplitPointer(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestExampleBody(t *testing.T) {
	got, err := catalog.ExampleBody(map[string]any{"z": "<a&b>", "a": []any{1.5, true, nil}})
	if want := `{"a":[1.5,true,null],"z":"<a&b>"}`; err != nil || got != want {
		t.Errorf("ExampleBody = %q, %v; want %q", got, err, want)
	}
}
