<?xml version="1.0" encoding="utf-8"?>
<!-- Astrolabe IVOA test server: a small CAOM2-shaped schema (RD id
astrolabe/caom2, installed by import.sh as /var/gavo/inputs/astrolabe/caom2.rd).

Only the columns Astrolabe's CADC recipes use (the ones astroquery.cadc
queries): caom2.Observation, caom2.Plane (position_bounds as a pgsphere
polygon) and caom2.EnumField.  The planes' publisherIDs are the
obs_publisher_did of the FITS products of astrolabe/q, so the DataLink and
SODA service of astrolabe/q (/astrolabe/q/dl/dlmeta) answers for them.
The static service below serves the local registry document
(static/resource-caps, written by import.sh with the server's URL).
Known answers: README.md, "CAOM2 schema". -->
<resource schema="caom2" resdir="astrolabe">
  <meta name="title">Astrolabe CAOM2-shaped test schema</meta>
  <meta name="description">A few observations in the shape of CADC's
    CAOM2 TAP schema (caom2.Observation, caom2.Plane, caom2.EnumField),
    pointing at the Astrolabe test images, for the CADC archive recipes.</meta>
  <meta name="creationDate">2026-01-01T00:00:00</meta>
  <meta name="subject">virtual-observatories</meta>
  <meta name="creator">Astrolabe project</meta>

  <table id="Observation" onDisk="True" adql="True" primary="obsid">
    <meta name="description">CAOM2 observations (subset of columns).</meta>
    <column name="obsid" type="text" required="True" ucd="meta.id"
      description="Observation identifier (CAOM2 obsID)"/>
    <column name="collection" type="text" required="True" ucd="meta.id"
      description="Data collection"/>
    <column name="observationid" type="text" required="True" ucd="meta.id"
      description="Observation identifier within the collection (observationID)"/>
    <column name="target_name" type="text" ucd="meta.id;src"
      description="Name of the target"/>
    <column name="instrument_name" type="text" ucd="meta.id;instr"
      description="Instrument"/>
    <column name="intent" type="text" description="science or calibration"/>
  </table>

  <table id="Plane" onDisk="True" adql="True" primary="planeid">
    <meta name="description">CAOM2 planes (subset of columns).</meta>
    <column name="planeid" type="text" required="True" ucd="meta.id"
      description="Plane identifier (planeID)"/>
    <column name="obsid" type="text" required="True" ucd="meta.id"
      description="The plane's observation (obsID)"/>
    <column name="productid" type="text" required="True" ucd="meta.id"
      description="Product identifier (productID)"/>
    <column name="publisherid" type="text" required="True" ucd="meta.ref.ivoid"
      description="Publisher dataset identifier (publisherID), the DataLink ID"/>
    <column name="dataproducttype" type="text" ucd="meta.code.class"
      description="image, cube, ... (dataProductType)"/>
    <column name="calibrationlevel" type="integer" ucd="meta.code;obs.calib"
      description="Calibration level (calibrationLevel)"/>
    <column name="energy_emband" type="text" ucd="instr.bandpass"
      description="Energy band (energy_emBand)"/>
    <column name="quality_flag" type="text" ucd="meta.code.qual"
      description="'junk' for unusable data, else NULL"/>
    <column name="position_bounds" type="spoly" ucd="pos.outline;obs.field"
      description="Footprint (ICRS polygon)"/>
  </table>

  <table id="EnumField" onDisk="True" adql="True">
    <meta name="description">Collections and their energy bands, as CADC's
      caom2.EnumField view gives them.</meta>
    <column name="collection" type="text" required="True"
      description="Data collection"/>
    <column name="energy_emband" type="text"
      description="An energy band of the collection (energy_emBand), or NULL"/>
  </table>

  <data id="import">
    <make table="Observation">
      <script type="preIndex" lang="SQL" name="fill observations">
        INSERT INTO \curtable (obsid, collection, observationid, target_name, instrument_name, intent) VALUES
          ('obs-a', 'ASTROLABE', 'FIELD-A-V', 'FIELD-A', 'ASTROLABE-CAM', 'science'),
          ('obs-b', 'ASTROLABE', 'FIELD-B-R', 'FIELD-B', 'ASTROLABE-CAM', 'science'),
          ('obs-c', 'ASTROLABE', 'FIELD-C-B', 'FIELD-C', 'ASTROLABE-CAM', 'science'),
          ('obs-cube', 'ASTROLABE-IFU', 'CUBE-1', 'O' || chr(39) || 'Brien' || chr(39) || 's 100% field', 'ASTROLABE-IFU', 'science'),
          ('obs-radio', 'RADIO-SIM', 'RADIO-1', 'field_a radio', 'ASTROLABE-DISH', 'science')
      </script>
    </make>
    <make table="Plane">
      <script type="preIndex" lang="SQL" name="fill planes">
        INSERT INTO \curtable (planeid, obsid, productid, publisherid, dataproducttype,
            calibrationlevel, energy_emband, quality_flag, position_bounds) VALUES
          ('plane-a', 'obs-a', 'img_a', 'ivo://astrolabe.test/~?astrolabe/data/img_a.fits', 'image', 2, 'Optical', NULL,
            spoly '{(179.9d,-0.1d),(180.1d,-0.1d),(180.1d,0.1d),(179.9d,0.1d)}'),
          ('plane-b', 'obs-b', 'img_b', 'ivo://astrolabe.test/~?astrolabe/data/img_b.fits', 'image', 2, 'Optical', NULL,
            spoly '{(180.9d,0.9d),(181.1d,0.9d),(181.1d,1.1d),(180.9d,1.1d)}'),
          ('plane-c', 'obs-c', 'img_c', 'ivo://astrolabe.test/~?astrolabe/data/img_c.fits', 'image', 2, 'Optical', 'junk',
            spoly '{(178.9d,-1.1d),(179.1d,-1.1d),(179.1d,-0.9d),(178.9d,-0.9d)}'),
          ('plane-cube', 'obs-cube', 'cube', 'ivo://astrolabe.test/~?astrolabe/data/cube.fits', 'cube', 2, 'Optical', NULL,
            spoly '{(180.45d,0.45d),(180.55d,0.45d),(180.55d,0.55d),(180.45d,0.55d)}'),
          ('plane-radio', 'obs-radio', 'radio', 'ivo://astrolabe.test/~?astrolabe/data/radio.fits', 'image', 1, 'Radio', NULL,
            spoly '{(183.5d,3.5d),(184.5d,3.5d),(184.5d,4.5d),(183.5d,4.5d)}')
      </script>
    </make>
    <make table="EnumField">
      <script type="preIndex" lang="SQL" name="fill enumfield">
        INSERT INTO \curtable (collection, energy_emband) VALUES
          ('ASTROLABE', 'Optical'), ('ASTROLABE', 'Infrared'), ('ASTROLABE-IFU', 'Optical'),
          ('RADIO-SIM', 'Radio'), ('CATALOGUE-SIM', NULL)
      </script>
    </make>
  </data>

  <!-- the local registry document (resource-caps), as a static file -->
  <service id="static" allowed="static">
    <meta name="title">Astrolabe test registry document</meta>
    <nullCore/>
    <property name="staticData">static</property>
  </service>
</resource>
