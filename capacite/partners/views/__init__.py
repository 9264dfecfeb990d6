"""Pages of the partnership map. The middleware has checked the permission matrix and opened the
Cité's scope: queries only see the current Cité, and another Cité's id gives a 404."""
