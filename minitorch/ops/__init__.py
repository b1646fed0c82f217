"""The ops: one file per family, each op's forward function beside its backward Node."""
