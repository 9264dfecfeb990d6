"""Team and weekly rosters: the roster engine (greedy baseline, CP-SAT model, explanations)."""
