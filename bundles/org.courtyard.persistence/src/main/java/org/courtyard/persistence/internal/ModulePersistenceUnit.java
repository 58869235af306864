package org.courtyard.persistence.internal;

import java.net.URL;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.persistence.SharedCacheMode;
import javax.persistence.ValidationMode;
import javax.persistence.spi.ClassTransformer;
import javax.persistence.spi.PersistenceUnitInfo;
import javax.persistence.spi.PersistenceUnitTransactionType;
import javax.sql.DataSource;

/**
 * A persistence unit described in code rather than in a persistence.xml: one per (tenant, module),
 * listing exactly the module's entities, over a DataSource bound to the tenant's schema.
 */
final class ModulePersistenceUnit implements PersistenceUnitInfo {

  private final String name;
  private final ClassLoader classLoader;
  private final List<String> classNames;
  private final DataSource dataSource;
  private final URL rootUrl;

  ModulePersistenceUnit(
      String name,
      ClassLoader classLoader,
      Collection<Class<?>> entities,
      DataSource dataSource,
      URL rootUrl) {
    this.name = name;
    this.classLoader = classLoader;
    this.classNames =
        entities.stream().map(Class::getName).collect(Collectors.toUnmodifiableList());
    this.dataSource = dataSource;
    this.rootUrl = rootUrl;
  }

  @Override
  public String getPersistenceUnitName() {
    return name;
  }

  @Override
  public String getPersistenceProviderClassName() {
    return "org.eclipse.persistence.jpa.PersistenceProvider";
  }

  @Override
  public PersistenceUnitTransactionType getTransactionType() {
    return PersistenceUnitTransactionType.RESOURCE_LOCAL;
  }

  @Override
  public DataSource getJtaDataSource() {
    return null;
  }

  @Override
  public DataSource getNonJtaDataSource() {
    return dataSource;
  }

  @Override
  public List<String> getMappingFileNames() {
    return List.of();
  }

  @Override
  public List<URL> getJarFileUrls() {
    return List.of();
  }

  /** An empty directory: everything the unit needs is in {@link #getManagedClassNames()}. */
  @Override
  public URL getPersistenceUnitRootUrl() {
    return rootUrl;
  }

  @Override
  public List<String> getManagedClassNames() {
    return classNames;
  }

  @Override
  public boolean excludeUnlistedClasses() {
    return true;
  }

  @Override
  public SharedCacheMode getSharedCacheMode() {
    return SharedCacheMode.UNSPECIFIED;
  }

  @Override
  public ValidationMode getValidationMode() {
    return ValidationMode.NONE;
  }

  @Override
  public Properties getProperties() {
    return new Properties();
  }

  @Override
  public String getPersistenceXMLSchemaVersion() {
    return "2.2";
  }

  @Override
  public ClassLoader getClassLoader() {
    return classLoader;
  }

  @Override
  public void addTransformer(ClassTransformer transformer) {
    // weaving is off: entities are plain classes loaded by their own bundle
  }

  @Override
  public ClassLoader getNewTempClassLoader() {
    return classLoader;
  }
}
