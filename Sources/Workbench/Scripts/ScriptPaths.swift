/// Paths as a script writes them: relative to its folder.
public enum ScriptPaths {
    /// `path` relative to `folder` (both absolute; symlinks resolved as far as they exist),
    /// with `..` where it lies outside.
    static func relative(_ path: String, from folder: String) -> String {
        let target = ReplayPolicy.location(path).split(separator: "/")
        let base = ReplayPolicy.location(folder).split(separator: "/")
        var common = 0
        while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// How to name `path` to the person in `workingDirectory`: relative when it lies under
    /// it, else absolute.
    public static func display(_ path: String, in workingDirectory: String) -> String {
        let relative = relative(path, from: workingDirectory)
        return relative.hasPrefix("..") ? path : relative
    }
}
