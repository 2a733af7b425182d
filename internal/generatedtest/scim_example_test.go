package generatedtest

import (
	"errors"
	"fmt"

	huaweiscim "github.com/errgen/errgen/generated/go/huaweicloud/identitycenter/scim"
	scim "github.com/errgen/errgen/generated/go/ietf/scim"
	"github.com/errgen/errgen/generated/go/iij/directorysync"
	ping "github.com/errgen/errgen/generated/go/pingidentity/scim"
)

// The base package reads RFC 7644's envelope, status as a string (as the
// RFC writes it) or a number, and says why it rejects a body.
func Example_ietfSCIM() {
	for _, body := range []string{
		`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"scimType":"uniqueness","detail":"userName has already been taken","status":"409"}`,
		`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"scimType":"uniqueness","detail":"userName has already been taken","status":409}`,
	} {
		e, err := scim.Decode(409, []byte(body))
		if err != nil {
			panic(err)
		}
		err = fmt.Errorf("create user: %w", e)
		fmt.Println(errors.Is(err, scim.Uniqueness), errors.Is(err, scim.Code409), e.Status, e.Detail)
	}
	entry, _, _ := scim.Uniqueness.Info().MatchEntry(409, "userName has already been taken")
	fmt.Println(entry.Status, entry.Title, "-", entry.Description)
	_, err := scim.Decode(409, []byte(`{"status":"Conflict"}`))
	fmt.Println(err)
	// Output:
	// true true 409 userName has already been taken
	// true true 409 userName has already been taken
	// 409 Conflict - One or more of the attribute values are already in use or are reserved.
	// scim: "status" is "Conflict": want the HTTP status as a JSON number or a string of digits, such as 404 or "404"
}

// Ping sends status as a number; its password update errors carry a typed
// extension, and the one SCIM check works on them.
func Example_pingIdentitySCIM() {
	body := []byte(`{
	  "detail": "The provided new password cannot be the same as the current password or any password in the user's password history",
	  "schemas": ["urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError"],
	  "scimType": "invalidValue",
	  "status": 400,
	  "urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError": {
	    "passwordRequirements": [{
	      "additionalInfo": "The provided new password cannot be the same as the current password or any password in the user's password history.",
	      "description": "The new password must not be the same as the current password.",
	      "requirementSatisfied": false,
	      "type": "notCurrentPassword"
	    }]
	  }
	}`)
	e, ok := ping.Parse(400, body)
	if !ok {
		panic("not a SCIM error")
	}
	err := fmt.Errorf("change password: %w", e)
	fmt.Println(errors.Is(err, ping.InvalidValue), errors.Is(err, scim.InvalidValue))
	if x, ok := e.PasswordUpdateError(); ok {
		for _, r := range x.PasswordRequirements {
			fmt.Printf("%s satisfied=%v: %s\n", r.Type, r.RequirementSatisfied, r.Description)
		}
	}
	info, _, _ := ping.Match("Access token is expired or otherwise invalid.")
	fmt.Println(info.Code, "-", info.Entries[0].Status)
	// Output:
	// true true
	// notCurrentPassword satisfied=false: The new password must not be the same as the current password.
	// invalid_token - 401
}

// IIJ sends status as a string; three documented cases share 409
// uniqueness, and Entry tells them apart by the detail.
func Example_iijDirectorySync() {
	body := []byte(`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"userName has already been taken","scimType":"uniqueness","status":"409"}`)
	e, ok := directorysync.Parse(409, body)
	if !ok {
		panic("not a SCIM error")
	}
	err := fmt.Errorf("sync: %w", e)
	fmt.Println(errors.Is(err, directorysync.Uniqueness), errors.Is(err, scim.Uniqueness), len(directorysync.Uniqueness.Info().Entries))
	if entry, ok := e.Entry(); ok {
		fmt.Println(entry.Title)
		fmt.Println(entry.Solution)
	}
	m, _, _ := directorysync.MatchEntry("The user has not been hard-deleted yet.")
	fmt.Println(m.Solution)
	// Output:
	// true true 3
	// The ID (userName) you have attempted to set to the IIJ ID User is already used by another user
	// Prevent duplication of the ID or delete the user who is using the relevant ID.
	// If the relevant user has already been deleted, there is a possibility that deprovisioning the user from linked services has not been completed.
	// In such a case, wait for at least one day before performing the deprovisioning process.
	// Perform synchronization on Directory Sync one more time after the user has been completely deleted.
}

// Identity Center documents statuses, not scimTypes; its errors still
// answer the SCIM check, and a number or a string status both read.
func Example_identityCenterSCIM() {
	for _, body := range []string{
		`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"scimType":"uniqueness","status":"409","detail":"User [alice] or email address already exists."}`,
		`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":404,"detail":"Group [g-1] not found."}`,
	} {
		e, ok := huaweiscim.Parse(0, []byte(body))
		if !ok {
			panic("not a SCIM error")
		}
		entry, _ := e.Entry()
		fmt.Println(e.Code, errors.Is(e, scim.Uniqueness), errors.Is(e, scim.Code404), entry.Solution)
	}
	// Output:
	// 409 true false Check whether the user already exists.
	// 404 false true Check whether the group exists.
}
