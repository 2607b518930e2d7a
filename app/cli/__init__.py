"""The command line (`planqa`)."""
