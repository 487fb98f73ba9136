"""The infrastructure layer: page cache, cache backend, health checks, error pages, security
headers and backups. Nothing here imports a model at module level; the layers above use it."""
