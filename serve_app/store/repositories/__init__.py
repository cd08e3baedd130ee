"""SQL, one module per aggregate. Functions take a connection so callers own transactions."""
