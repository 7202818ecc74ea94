// A source location as compiled bytes: the file's string number, then the line.

extension SourceLocation {
  package func archive(to writer: inout ArchiveWriter) {
    writer.write(file)
    writer.write(line)
  }

  package init(from reader: inout ArchiveReader) throws(TokenizeError) {
    self.init(file: try reader.readString(), line: try reader.readInt())
  }
}
