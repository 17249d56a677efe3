/// bantin's version, printed by `bantin --version` and written into feeds.
public let version = "0.1.0"
