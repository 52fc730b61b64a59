/// The files a new container starts with: the directories of a Linux root filesystem, and the
/// files docker writes into every container (/etc/hostname, /etc/hosts, /etc/resolv.conf).
enum ContainerFiles {
    /// A new container's files: the shared template (copied only when the container writes) with
    /// its own /etc/hostname, mounted over the tree as docker bind-mounts it (so creating a
    /// container copies nothing of the template, and the file is not the container's layer).
    static func base(hostname: String) -> VirtualFileSystem {
        var fs = template
        fs.mount(hostname + "\n", at: "/etc/hostname")
        return fs
    }

    static let template: VirtualFileSystem = {
        var fs = VirtualFileSystem(empty: ())
        for dir in ["/bin", "/dev", "/etc", "/proc", "/root", "/run", "/sbin", "/sys", "/tmp", "/usr", "/usr/bin", "/usr/local",
                    "/usr/local/bin", "/var", "/var/lib", "/data"] {
            fs.set(.directory, at: dir)
        }
        fs.set(.file("root:x:0:0:root:/root:/bin/sh\n"), at: "/etc/passwd")
        fs.set(.file(""), at: "/dev/null")
        return fs
    }()
}
