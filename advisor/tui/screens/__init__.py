"""The app's screens and dialogs, one per module; screens own the state their widgets show."""
