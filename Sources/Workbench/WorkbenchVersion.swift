/// The workbench's version, shown by `--version`, the banner and saved scripts.
public enum WorkbenchVersion {
    public static let current = "0.1.0"
}
