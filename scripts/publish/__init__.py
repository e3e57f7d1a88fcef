"""Publishing the course: release archives, the nginx configuration, deploy and rollback."""
