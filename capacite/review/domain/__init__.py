"""The label authority's rules as plain functions: no database, no request."""
