"""HTTP request and response models of the v1 contract (XCreate / XPublic naming)."""
