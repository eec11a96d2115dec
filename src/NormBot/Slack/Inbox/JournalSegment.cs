using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace NormBot.Slack.Inbox;

/// <summary>
/// One file of the event journal. Writers reserve their record's space with one atomic add and write it there with one
/// positioned write, without a lock. A record is whole when its magic and checksum match: a process killed mid-write
/// leaves none or all of it, a machine that crashed may leave a torn page, which the checksum rejects. The file is
/// deleted once nothing references it: the journal while it appends here, and each record until the writer has it in
/// the inbox table.
/// <para>
/// A positioned write rather than a copy into a mapping of the file: the mapping's page faults and unmapping stalled
/// the whole process, and a full disk is an exception here rather than a SIGBUS.
/// </para>
/// </summary>
internal sealed class JournalSegment
{
    // 0xFF and 0xFE never occur in UTF-8, so no JSON body can look like the start of a record.
    private const uint Magic = 0xFFFE4E42;
    private const int HeaderBytes = 28; // magic, size, crc32, received_at, team and id lengths, body length
    private const int Align = 8;
    private const int StackRecord = 8192;

    private readonly FileStream _file;
    private long _reserved;
    private int _refs = 1;

    private JournalSegment(string path, FileStream file, long capacity)
    {
        Path = path;
        Capacity = capacity;
        _file = file;
    }

    public string Path { get; }

    public long Capacity { get; }

    /// <summary>A new, empty segment file, locked against other processes' recovery while this one lives.</summary>
    public static JournalSegment Create(string path, long capacity)
    {
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        try
        {
            file.SetLength(capacity);
            return new JournalSegment(path, file, capacity);
        }
        catch
        {
            file.Dispose();
            File.Delete(path);
            throw;
        }
    }

    public static int SizeOf(InboxEnvelope envelope) =>
        (HeaderBytes + Encoding.UTF8.GetByteCount(envelope.TeamId) + Encoding.UTF8.GetByteCount(envelope.EnvelopeId) + envelope.Body.Length + Align - 1) & ~(Align - 1);

    /// <summary>Takes a reference, unless the segment is already released for good.</summary>
    public bool TryAcquire()
    {
        int refs;
        while ((refs = Volatile.Read(ref _refs)) > 0)
        {
            if (Interlocked.CompareExchange(ref _refs, refs + 1, refs) == refs)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Drops a reference; the last one closes and deletes the file, and returns true.</summary>
    public bool Release()
    {
        if (Interlocked.Decrement(ref _refs) != 0)
        {
            return false;
        }

        _file.Dispose();
        File.Delete(Path);
        return true;
    }

    /// <summary>
    /// Closes the file and leaves it where it is, unlocked, for the next start to recover (as a killed process leaves
    /// it); the last <see cref="Release"/> still deletes it. Only once nothing appends here any more.
    /// </summary>
    public void Abandon() => _file.Dispose();

    /// <summary>Writes the record; false when it does not fit (the segment is full).</summary>
    public bool TryAppend(InboxEnvelope envelope, int size)
    {
        var end = Interlocked.Add(ref _reserved, size);
        if (end > Capacity)
        {
            return false;
        }

        byte[]? rented = null;
        var record = size <= StackRecord ? stackalloc byte[size] : (rented = ArrayPool<byte>.Shared.Rent(size)).AsSpan(0, size);
        try
        {
            record.Clear(); // the alignment padding
            Encode(envelope, record);
            RandomAccess.Write(_file.SafeFileHandle, record, end - size);
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static void Encode(InboxEnvelope envelope, Span<byte> record)
    {
        var team = Encoding.UTF8.GetBytes(envelope.TeamId, record[HeaderBytes..]);
        var id = Encoding.UTF8.GetBytes(envelope.EnvelopeId, record[(HeaderBytes + team)..]);
        envelope.Body.CopyTo(record[(HeaderBytes + team + id)..]);
        BinaryPrimitives.WriteUInt32LittleEndian(record, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(record[4..], record.Length);
        BinaryPrimitives.WriteInt64LittleEndian(record[12..], envelope.ReceivedAt);
        BinaryPrimitives.WriteUInt16LittleEndian(record[20..], (ushort)team);
        BinaryPrimitives.WriteUInt16LittleEndian(record[22..], (ushort)id);
        BinaryPrimitives.WriteInt32LittleEndian(record[24..], envelope.Body.Length);
        var covered = record[12..(HeaderBytes + team + id + envelope.Body.Length)];
        BinaryPrimitives.WriteUInt32LittleEndian(record[8..], Crc32.HashToUInt32(covered));
    }

    /// <summary>
    /// Every whole record in a segment's bytes. Where none starts (a writer killed between reserving and finishing,
    /// a torn page after a crash of the machine, the unused end) it looks for the next one.
    /// </summary>
    public static List<InboxEnvelope> ReadRecords(ReadOnlySpan<byte> data)
    {
        var found = new List<InboxEnvelope>();
        var at = 0;
        while (at + HeaderBytes <= data.Length)
        {
            if (TryDecode(data[at..], out var envelope, out var size))
            {
                found.Add(envelope);
                at += size;
            }
            else
            {
                at += Align;
            }
        }

        return found;
    }

    private static bool TryDecode(ReadOnlySpan<byte> data, out InboxEnvelope envelope, out int size)
    {
        envelope = null!;
        size = 0;
        if (BinaryPrimitives.ReadUInt32LittleEndian(data) != Magic)
        {
            return false;
        }

        size = BinaryPrimitives.ReadInt32LittleEndian(data[4..]);
        var teamLength = BinaryPrimitives.ReadUInt16LittleEndian(data[20..]);
        var idLength = BinaryPrimitives.ReadUInt16LittleEndian(data[22..]);
        var bodyLength = BinaryPrimitives.ReadInt32LittleEndian(data[24..]);
        var used = (long)HeaderBytes + teamLength + idLength + bodyLength;
        if (size % Align != 0 || size > data.Length || bodyLength < 0 || used > size)
        {
            return false;
        }

        if (Crc32.HashToUInt32(data[12..(int)used]) != BinaryPrimitives.ReadUInt32LittleEndian(data[8..]))
        {
            return false;
        }

        var team = Encoding.UTF8.GetString(data.Slice(HeaderBytes, teamLength));
        var id = Encoding.UTF8.GetString(data.Slice(HeaderBytes + teamLength, idLength));
        var body = data.Slice(HeaderBytes + teamLength + idLength, bodyLength).ToArray();
        envelope = new InboxEnvelope(team, id, InboxEnvelope.Event, body, BinaryPrimitives.ReadInt64LittleEndian(data[12..]));
        return true;
    }
}
