using Microsoft.Extensions.Options;
using NormBot.Storage;
using Quartz;
using Quartz.Impl.AdoJobStore;

namespace NormBot.Digests;

public static class DigestsSetup
{
    public static IServiceCollection AddDigests(this IServiceCollection services, IConfiguration configuration)
    {
        var postgres = QuartzStore.IsPostgres(configuration);
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();
        services.AddSingleton<DigestScheduleStore>();
        services.AddSingleton<DigestDataStore>();
        services.AddSingleton<AskOutcomes>();
        services.AddSingleton<DigestReporter>();
        services.AddSingleton<DigestService>();
        services.AddSingleton<DigestScheduler>();
        services.AddSingleton<DigestCommands>();
        services.AddSingleton<NormBot.Slack.Leaving.ISlackGoneListener, DigestsOnLeaving>();

        // Registered explicitly so that a constructor the container cannot satisfy fails at start, not at 3 a.m.
        services.AddTransient<OverdueScanJob>();
        services.AddTransient<RetentionJob>();
        services.AddTransient<DigestJob>();

        services.AddQuartz(q =>
        {
            // Quartz takes the container's TimeProvider (tests register a FakeTimeProvider) unless given one here.
            q.UsePersistentStore(store =>
            {
                // The QRTZ_ tables come from our migration 0003; the store only validates them (its default) and never
                // creates them.
                Action<DataSourceOptions> source = o => o.DataSourceFactory = sp => QuartzStore.DataSource(sp.GetRequiredService<Db>(), postgres);
                if (postgres)
                {
                    store.UsePostgres(source);
                }
                else
                {
                    store.UseSqlite(source);
                }

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
        // per node (AUTO). What UseClustering() says, said through options so that a test can read them back.
        if (postgres)
        {
            services.Configure<ClusteringOptions>(clustering => clustering.Enabled = true);
            services.Configure<AdoJobStoreOptions>(store => store.UseDbLocks = true);
            services.Configure<QuartzSchedulerOptions>(scheduler => scheduler.GenerateInstanceId = true);
        }

        services.Configure<QuartzHostedServiceOptions>(o => o.WaitForJobsToComplete = true);
        if (postgres)
        {
            services.AddQuartzHostedService();
        }
        else
        {
            services.AddHostedService<SqliteSchedulerHost>();
        }
        return services;
    }
}
