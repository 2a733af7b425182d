package cli

func runShow(inv *invocation) error {
	var cf configFlags
	cf.register(inv, false)
	format := formatFlag(inv)
	args, err := inv.parse(1, 1)
	if err != nil {
		return err
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	_, loaded, err := cf.load(inv, args[0])
	if err != nil {
		return err
	}
	return printCatalog(inv.stdout, loaded[0].Catalog, loaded[0].Report, *format)
}
