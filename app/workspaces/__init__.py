"""Workspaces built on the knowledge base: duties and milestones, quizzes, the support finder."""
