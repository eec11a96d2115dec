# Build: the SDK image restores (its own cached layer) and publishes for this platform's runtime: self-contained,
# with the framework trimmed to what NormBot uses (see src/NormBot/NormBot.csproj).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY NormBot.sln Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/NormBot/NormBot.csproj src/NormBot/
COPY src/NormBot.SlackEmulator/NormBot.SlackEmulator.csproj src/NormBot.SlackEmulator/
RUN dotnet restore src/NormBot/NormBot.csproj --use-current-runtime
COPY appsettings.json ./
COPY src/ src/
RUN dotnet publish src/NormBot/NormBot.csproj -c Release --use-current-runtime -o /app/publish --no-restore

# Run: the runtime-deps image (the app carries its own trimmed runtime), as its non-root "app" user, with /app/data
# as the data volume.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish .
RUN mkdir -p /app/data && chown app:app /app/data
USER app
# The GC mode comes from NormBot.runtimeconfig.json (server GC, adapting its heap count to the load).
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
VOLUME ["/app/data"]
# The runtime image has no curl: the app probes its own /health/live.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 CMD ["./NormBot", "healthcheck"]
ENTRYPOINT ["./NormBot"]
