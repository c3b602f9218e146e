"""The rule engine: compiled conditions, forward chaining, results and explanations."""
