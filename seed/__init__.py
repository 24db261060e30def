"""Reference data and the demo / scale data generators."""
