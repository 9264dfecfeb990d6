"""Pure roster logic: instance and solution data, greedy baseline, CP-SAT model, explanations,
and an independent validator. No Django, no database; ortools is imported inside functions."""
