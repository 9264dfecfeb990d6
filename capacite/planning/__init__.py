"""Scenarios, FTE, budget, funding round and treasury plan of a Cité (issue 5)."""
