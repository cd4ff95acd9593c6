"""Processing provider and one thin QgsProcessingAlgorithm per file, over ``core``."""
