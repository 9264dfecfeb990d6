def sample_kwargs(cite) -> dict:
    """The URL parameters of the dashboards' routes (one table of every dashboard)."""
    return {"table_key": "by_kind"}
