"""The app's screens: the main browser, help, bookmarks."""
