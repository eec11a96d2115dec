using Microsoft.Extensions.Options;
using NormBot.Storage;
using Quartz;
using Quartz.Impl.AdoJobStore;
using Quartz.Impl.AdoJobStore.Common;

namespace NormBot.Digests;

public static class DigestsSetup
{
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();
        services.AddSingleton<DigestScheduleStore>();
        services.AddSingleton<DigestDataStore>();
        services.AddSingleton<DigestReporter>();
        services.AddSingleton<DigestService>();
        services.AddSingleton<DigestScheduler>();
        services.AddSingleton<DigestCommands>();

        // Registered explicitly so that a constructor the container cannot satisfy fails at start, not at 3 a.m.
        services.AddTransient<OverdueScanJob>();
        services.AddTransient<RetentionJob>();
        services.AddTransient<DigestJob>();

        services.AddQuartz(q =>
        {
            // Quartz takes the container's TimeProvider (tests register a FakeTimeProvider) unless given one here.
            q.UsePersistentStore(store =>
            {
                // The provider is only known once configuration is bound, so the connection and the dialect are chosen
                // from StorageOptions when the scheduler is built. The QRTZ_ tables come from our migration 0003;
                // the store only validates them (its default) and never creates them.
                store.UseConnectionProvider(sp => QuartzStore.ConnectionProvider(sp.GetRequiredService<Db>()));
                store.UseDriverDelegate(sp => QuartzStore.DriverDelegate(sp.GetRequiredService<Db>()));
                store.ConfigureStore(o => o.SchemaProvisioning = SchemaProvisioning.Validate);
                store.UseSystemTextJsonSerializer();
            });

            q.AddJob<OverdueScanJob>(job => job.WithIdentity(OverdueScanJob.Key).StoreDurably());
            q.AddTrigger((sp, trigger) => trigger
                .WithIdentity(OverdueScanJob.TriggerKey)
                .ForJob(OverdueScanJob.Key)
                .WithSimpleSchedule(s => s
                    .WithInterval(sp.GetRequiredService<IOptions<JobsOptions>>().Value.OverdueScanInterval)
                    .RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithRemainingCount)));
            q.AddJob<RetentionJob>(job => job.WithIdentity(RetentionJob.Key).StoreDurably());
            q.AddTrigger(trigger => trigger
                .WithIdentity(RetentionJob.TriggerKey)
                .ForJob(RetentionJob.Key)
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithRemainingCount)));
            q.AddJobListener<JobMetricsListener>();
        });
        // Several replicas on PostgreSQL form a cluster, so each job fires once: database row locks and an instance id
        // per node (AUTO). What UseClustering() says, said through options because the provider is only known at run time.
        services.AddOptions<ClusteringOptions>().Configure<IOptions<StorageOptions>>((clustering, storage) =>
            clustering.Enabled = QuartzStore.IsPostgres(storage.Value));
        services.AddOptions<AdoJobStoreOptions>().Configure<IOptions<StorageOptions>>((store, storage) =>
            store.UseDbLocks = store.UseDbLocks || QuartzStore.IsPostgres(storage.Value));
        services.AddOptions<QuartzSchedulerOptions>().Configure<IOptions<StorageOptions>>((scheduler, storage) =>
            scheduler.GenerateInstanceId = scheduler.GenerateInstanceId || QuartzStore.IsPostgres(storage.Value));
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
