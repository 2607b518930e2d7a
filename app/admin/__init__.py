"""Administration: uploads and removals behind a login, the login guard, the upload cache."""
