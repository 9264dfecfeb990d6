"""French numbers as `capacite.lib.money` writes them: a narrow no-break space between thousands
(« 24 892 »), so that `floatformat:"0g"` and `localize` agree with `format_count`. Every other
format is Django's own French one."""

THOUSAND_SEPARATOR = "\u202f"
