"""How the agent is wired: state, nodes, routing and the graph builder."""
