using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansHealth.Persistence;
using OrleansHealth.Silo.Persistence;

namespace OrleansHealth.Silo.Tests.Persistence;

/// <summary>Database errors made portable between silos: classified, found inside wrappers, and serializable by Orleans.</summary>
public sealed class DatabaseErrorsTests
{
    public static TheoryData<NpgsqlException, bool> Outages => new()
    {
        { new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"), true },
        { new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300"), true },
        { new PostgresException("connection failure", "FATAL", "FATAL", "08006"), true },
        { new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), true },
        { new NpgsqlException("Exception while reading from stream", new IOException("broken pipe")), true },
        { new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505"), false },
        { new PostgresException("relation does not exist", "ERROR", "ERROR", "42P01"), false },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void Portable_KeepsWhetherItIsAnOutage_AndTheSqlState(NpgsqlException exception, bool outage)
    {
        var portable = DatabaseErrors.Portable(exception);

        Assert.Equal(outage, portable.IsOutage);
        Assert.Equal((exception as PostgresException)?.SqlState, portable.SqlState);
        Assert.Equal(exception.Message, portable.Message);
    }

    [Fact]
    public void Find_LooksThroughOrleansAndTaskWrappers()
    {
        var npgsql = new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));

        Assert.Same(npgsql, DatabaseErrors.Find(new AggregateException(new OrleansException("Error from storage provider", npgsql))));
        Assert.Null(DatabaseErrors.Find(new InconsistentStateException("ETag mismatch")));
    }

    [Fact]
    public void DatabaseException_SurvivesOrleansSerialization_WhichNpgsqlExceptionsDoNot()
    {
        var serializer = new ServiceCollection()
            .AddSerializer(b => b.AddAssembly(typeof(DatabaseException).Assembly))
            .BuildServiceProvider()
            .GetRequiredService<Serializer>();

        var copy = serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(new DatabaseException("57P01: terminating", "57P01", isOutage: true)));

        var database = Assert.IsType<DatabaseException>(copy);
        Assert.True(database.IsOutage);
        Assert.Equal("57P01", database.SqlState);
        Assert.Equal("57P01: terminating", database.Message);
        Assert.Throws<CodecNotFoundException>(() => serializer.SerializeToArray<Exception>(new NpgsqlException("Failed to connect")));
    }

    [Fact]
    public async Task GrainStorage_TurnsTheDatabaseErrorsOfTheStorageItWrapsIntoPortableOnes()
    {
        var storage = new DatabaseErrorGrainStorage(new FailingStorage(new OrleansException("Error from storage provider",
            new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"))));

        var error = await Assert.ThrowsAsync<DatabaseException>(() => storage.ReadStateAsync("state", GrainId.Create("patient", "p1"), new GrainState<int>()));

        Assert.True(error.IsOutage);
        await Assert.ThrowsAsync<InconsistentStateException>(() => new DatabaseErrorGrainStorage(new FailingStorage(new InconsistentStateException("ETag mismatch")))
            .WriteStateAsync("state", GrainId.Create("patient", "p1"), new GrainState<int>()));
    }

    private sealed class FailingStorage(Exception error) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.FromException(error);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.FromException(error);

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.FromException(error);
    }
}
