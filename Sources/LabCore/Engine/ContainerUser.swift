/// The user a container's process runs as, from `--user`/USER (`name|uid[:group|gid]`) and the
/// container's /etc/passwd and /etc/group, as runc resolves it (opencontainers/runc
/// libcontainer/user/user.go, GetExecUser): a numeric uid or gid needs no entry; without an
/// explicit group the user's own entry gives the gid (0 without one) and the groups that list
/// the user are its supplementary groups; with one, there are none. moby passes those groups on
/// (daemon/oci_linux.go, getUser), and HOME is the entry's home, "/" without one.
public struct ContainerUser: Sendable, Equatable {
    public var uid: Int
    public var gid: Int
    public var userName: String?
    public var groupName: String?
    /// Supplementary groups, in /etc/group's order.
    public var groups: [Int]
    public var home: String

    /// nil when a name is not in the files (runc refuses to start the process then).
    public static func resolve(_ spec: String, files: VirtualFileSystem) -> ContainerUser? {
        let parts = spec.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let userArg = parts.first ?? "", groupArg = parts.count > 1 ? parts[1] : ""
        let passwd = entries(files.contents(of: "/etc/passwd"))
        let group = entries(files.contents(of: "/etc/group"))
        var user = ContainerUser(uid: 0, gid: 0, groups: [], home: "/")
        var matched: [String]?
        if userArg.isEmpty {
            matched = passwd.first { Int($0[2]) == 0 }
        } else if let uid = Int(userArg) {
            matched = passwd.first { Int($0[2]) == uid }
            user.uid = uid
        } else {
            guard let entry = passwd.first(where: { $0[0] == userArg }) else { return nil }
            matched = entry
        }
        if let m = matched {
            user.uid = Int(m[2]) ?? 0
            user.gid = Int(m[3]) ?? 0
            user.home = m.count > 5 ? m[5] : "/"
        }
        if !groupArg.isEmpty {
            if let gid = Int(groupArg) {
                user.gid = gid
            } else {
                guard let entry = group.first(where: { $0[0] == groupArg }), let gid = Int(entry[2]) else { return nil }
                user.gid = gid
            }
        } else if let name = matched?[0] {
            user.groups = group.filter { $0.count > 3 && $0[3].split(separator: ",").contains(Substring(name)) }.compactMap { Int($0[2]) }
        }
        user.userName = passwd.first { Int($0[2]) == user.uid }?[0]
        user.groupName = group.first { Int($0[2]) == user.gid }?[0] ?? (user.gid == 0 ? "root" : nil)
        return user
    }

    /// The lines of a colon-separated database with at least four fields.
    static func entries(_ text: String?) -> [[String]] {
        (text ?? "").split(separator: "\n").map { $0.split(separator: ":", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0.count >= 4 }
    }

    /// A group's name for `id`, when /etc/group has it.
    func name(ofGroup gid: Int, files: VirtualFileSystem) -> String? {
        if gid == self.gid { return groupName }
        return Self.entries(files.contents(of: "/etc/group")).first { Int($0[2]) == gid }?[0]
    }
}
