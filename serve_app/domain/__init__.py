"""Ray-free domain logic: everything here runs and is tested without Ray or a network."""
