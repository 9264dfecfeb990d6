"""Review pages. Cité pages run in the Cité's scope (the middleware checked the matrix and opened
it); the authority's pages under /autorite/ run outside any Cité and read across all of them."""
