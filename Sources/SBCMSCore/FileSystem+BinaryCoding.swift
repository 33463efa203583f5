extension BinaryWriter {
    /// A file identity as cache records store it: device, inode, size, modification time.
    public mutating func write(_ identity: FileSystem.Identity) {
        write(identity.device)
        write(identity.inode)
        write(Int(identity.size))
        write(Int(identity.modificationNanoseconds))
    }
}

extension BinaryReader {
    /// What `BinaryWriter.write(_: FileSystem.Identity)` wrote; nil past the end or when malformed.
    public mutating func readIdentity() -> FileSystem.Identity? {
        guard let device = readUInt(), let inode = readUInt(), let size = readInt(), let modified = readInt() else {
            return nil
        }
        return FileSystem.Identity(device: device, inode: inode, size: Int64(size), modificationNanoseconds: Int64(modified))
    }
}
