<?xml version="1.0" encoding="utf-8"?>
<!-- Astrolabe IVOA test server: resource descriptor (RD id astrolabe/q).

Installed by import.sh as /var/gavo/inputs/astrolabe/q.rd; the FITS files
under data/ there are written by gen_data.py.  Every value served here is
deterministic; README.md lists the known answers tests can assert. -->
<resource schema="astrolabe" resdir="astrolabe">
  <meta name="title">Astrolabe test data</meta>
  <meta name="description">Synthetic, deterministic data for the
    integration tests of the Astrolabe IVOA client: a catalogue of
    1,000,000 sources on a regular grid, four small images and one
    spectral cube, with known answers.</meta>
  <meta name="creationDate">2026-01-01T00:00:00</meta>
  <meta name="subject">virtual-observatories</meta>
  <meta name="creator">Astrolabe project</meta>
  <meta name="instrument">ASTROLABE-CAM</meta>
  <meta name="facility">Astrolabe simulated observatory</meta>
  <meta name="contentLevel">Research</meta>
  <meta name="type">Simulation</meta>
  <meta name="coverage.waveband">Optical</meta>

  <!-- ============================================== the 1e6-row catalogue -->
  <table id="sources" onDisk="True" adql="True" mixin="//scs#q3cindex"
      primary="source_id">
    <meta name="title">Astrolabe synthetic source catalogue</meta>
    <meta name="description">1,000,000 synthetic sources on a 1000 x 1000
      grid of 0.01 deg spacing, RA 175..185, Dec -5..5 (see README.md
      for the exact formulas).</meta>
    <stc>Position ICRS "ra" "dec"</stc>
    <column name="source_id" type="bigint" required="True"
      ucd="meta.id;meta.main" tablehead="Id"
      description="Source identifier, 1..1000000" verbLevel="1"/>
    <column name="ra" type="double precision" required="True"
      unit="deg" ucd="pos.eq.ra;meta.main" tablehead="RA"
      description="ICRS right ascension: 175.005 + 0.01*((source_id-1) % 1000)"
      verbLevel="1"/>
    <column name="dec" type="double precision" required="True"
      unit="deg" ucd="pos.eq.dec;meta.main" tablehead="Dec"
      description="ICRS declination: -4.995 + 0.01*((source_id-1) / 1000)"
      verbLevel="1"/>
    <column name="mag" type="real" required="True"
      unit="mag" ucd="phot.mag;em.opt.V" tablehead="Mag"
      description="Magnitude: 10 + ((source_id*7919) % 1000)/100"
      verbLevel="1"/>
    <column name="src_class" type="text" required="True"
      ucd="src.class" tablehead="Class"
      description="'star' (source_id%10 in 0..5), 'galaxy' (6..8), 'qso' (9)"
      verbLevel="1"/>
  </table>

  <data id="import_sources">
    <make table="sources">
      <!-- no grammar: the rows come from one SQL statement, run after the
        table is created and before the q3c index is built -->
      <script type="preIndex" lang="SQL" name="fill catalogue">
        INSERT INTO \curtable (source_id, ra, dec, mag, src_class)
        SELECT i,
          CAST(175.005 + 0.01*((i-1) % 1000) AS double precision),
          CAST(-4.995 + 0.01*((i-1) / 1000) AS double precision),
          CAST(10 + ((i*7919) % 1000)/100.0 AS real),
          CASE WHEN i % 10 &lt; 6 THEN 'star'
            WHEN i % 10 &lt; 9 THEN 'galaxy'
            ELSE 'qso' END
        FROM generate_series(CAST(1 AS bigint), CAST(1000000 AS bigint)) AS i
      </script>
    </make>
  </data>

  <!-- ========================================== images and cube (SIAP) -->
  <table id="images" onDisk="True" mixin="//siap#pgs" adql="True">
    <meta name="title">Astrolabe synthetic images and cube</meta>
    <meta name="description">Four 200x200 images (one embargoed) and a
      50x50x20 spectral cube, TAN projection, ICRS.</meta>
    <meta name="_associatedDatalinkService">
      <meta name="serviceId">dl</meta>
      <meta name="idColumn">pub_did</meta>
    </meta>
    <mixin
      calibLevel="2"
      collectionName="'astrolabe-sim'"
      targetName="object"
      expTime="exptime"
      productType="prodtype"
      facilityName="'Astrolabe simulated observatory'"
      >//obscore#publishSIAP</mixin>

    <column name="object" type="text" ucd="meta.id;src"
      tablehead="Object" description="Target field (FITS OBJECT)"
      verbLevel="15"/>
    <column name="exptime" type="real" unit="s" ucd="time.duration;obs.exposure"
      tablehead="T.Exp" description="Exposure time" verbLevel="15"/>
    <column name="prodtype" type="text" ucd="meta.code.class"
      tablehead="Type" description="ObsCore dataproduct_type: image or cube"
      verbLevel="15"/>
    <column name="pub_did" type="text" ucd="meta.ref.ivoid"
      tablehead="DID" description="Publisher dataset identifier (the
        ObsCore obs_publisher_did, also the DataLink ID)" verbLevel="15"/>
  </table>

  <data id="import_images">
    <sources pattern="data/*.fits"/>
    <fitsProdGrammar>
      <rowfilter procDef="//products#define">
        <bind key="table">"\schema.images"</bind>
        <bind key="owner">"astrolabe" if @OBJECT=="FIELD-SECRET" else None</bind>
        <bind key="embargo"
          >datetime.date(2099, 12, 31) if @OBJECT=="FIELD-SECRET" else None</bind>
      </rowfilter>
    </fitsProdGrammar>
    <make table="images">
      <rowmaker>
        <apply procDef="//siap#setMeta">
          <bind key="dateObs">parseTimestamp(@DATE_OBS, "%Y-%m-%dT%H:%M:%S")</bind>
          <bind key="bandpassId">@FILTER</bind>
          <bind key="bandpassRefval">float(@WAVEREF)</bind>
          <bind key="bandpassLo">float(@WAVELO)</bind>
          <bind key="bandpassHi">float(@WAVEHI)</bind>
          <bind key="pixflags">"C"</bind>
          <bind key="title">"Astrolabe %s %s"%(@OBJECT, @FILTER)</bind>
        </apply>
        <apply procDef="//siap#computePGS"/>
        <map key="object">@OBJECT</map>
        <map key="exptime">float(@EXPTIME)</map>
        <map key="prodtype">"cube" if int(@NAXIS)==3 else "image"</map>
        <map key="pub_did">\standardPubDID</map>
      </rowmaker>
    </make>
  </data>

  <!-- ================================================================ services -->
  <service id="scs" allowed="form,scs.xml">
    <meta name="title">Astrolabe synthetic sources cone search</meta>
    <meta name="shortName">astrolabe scs</meta>
    <meta name="testQuery.ra">180.005</meta>
    <meta name="testQuery.dec">0.005</meta>
    <meta name="testQuery.sr">0.025</meta>
    <publish render="scs.xml" sets="ivo_managed"/>
    <publish render="form" sets="local"/>
    <scsCore queriedTable="sources">
      <FEED source="//scs#coreDescs"/>
    </scsCore>
  </service>

  <service id="siap" allowed="form,siap.xml">
    <meta name="title">Astrolabe synthetic images SIAP</meta>
    <meta name="shortName">astrolabe siap</meta>
    <meta name="sia.type">Pointed</meta>
    <meta name="testQuery.pos.ra">180.0</meta>
    <meta name="testQuery.pos.dec">0.0</meta>
    <meta name="testQuery.size.ra">0.1</meta>
    <meta name="testQuery.size.dec">0.1</meta>
    <publish render="siap.xml" sets="ivo_managed"/>
    <publish render="form" sets="local"/>
    <dbCore queriedTable="images">
      <condDesc original="//siap#protoInput"/>
      <condDesc original="//siap#humanInput"/>
    </dbCore>
  </service>

  <service id="dl" allowed="dlget,dlmeta,dlasync">
    <meta name="title">Astrolabe images DataLink and SODA</meta>
    <meta name="description">DataLink and SODA (sync and async) for the
      Astrolabe synthetic images and cube.</meta>
    <datalinkCore>
      <!-- //soda#fits_genDesc plus an embargo check: stock DaCHS 2.7 serves
        SODA cutouts of embargoed products to anyone.  Here dlget (and
        dlasync) on an embargoed dataset answers 401 unless the HTTP Basic
        credentials belong to the owner group; dlmeta stays public (its
        #this link is /getproduct, which enforces the embargo itself). -->
      <descriptorGenerator procDef="//soda#fits_genDesc" name="genFITSDesc">
        <bind key="accrefPrefix">'astrolabe/data'</bind>
        <code>
          import datetime
          from gavo import svcs
          from gavo import utils as gavoutils
          from gavo.protocols import creds
          desc = getFITSDescriptor(pubDID, accrefPrefix, cls=descClass, qnd=qnd)
          embargo = getattr(desc, "embargo", None)
          if embargo is not None and embargo >= datetime.date.today():
            try:
              renderer = gavoutils.stealVar("renderer")
              rendName = getattr(renderer, "name", "dlget")
            except ValueError:
              rendName = "dlget"
            if rendName!="dlmeta":
              try:
                qm = gavoutils.stealVar("queryMeta")
                user, password = qm["user"], qm["password"]
              except (ValueError, KeyError, TypeError):
                user = password = None
              if desc.owner not in creds.getGroupsForUser(user, password):
                raise svcs.Authenticate()
          return desc
        </code>
      </descriptorGenerator>
      <metaMaker procDef="//soda#fits_makeWCSParams" name="getWCSParams"/>
      <dataFunction procDef="//soda#fits_makeHDUList" name="makeHDUList"/>

      <!-- BAND only for the cube (fits_makeBANDMeta's fitsAxis is fixed
        per service, so guard it per dataset) -->
      <metaMaker name="bandMeta">
        <setup>
          <code>
            from gavo.utils import fitstools
          </code>
        </setup>
        <code>
          if int(descriptor.hdr.get("NAXIS", 0))&lt;3:
            return
          fitsAxis = 3
          wavelengthUnit = descriptor.hdr["CUNIT%d"%fitsAxis]
          descriptor.specToMeter = base.getSpecConverter(wavelengthUnit, "m")
          descriptor.meterToSpec = base.getSpecConverter("m", wavelengthUnit)
          descriptor.specAxis = fitstools.WCSAxis.fromHeader(
            descriptor.hdr, fitsAxis, forceSeparable=True)
          descriptor.specAxisIndex = fitsAxis
          limits = [descriptor.specToMeter(v)
            for v in descriptor.specAxis.getLimits()]
          yield MS(InputKey, name="BAND", unit="m",
            type="double precision[2]", xtype="interval",
            ucd="em.wl", description="Vacuum wavelength limits",
            multiplicity="forced-single",
            values=MS(Values, min=min(limits), max=max(limits)))
        </code>
      </metaMaker>
      <dataFunction procDef="//soda#fits_makeBANDSlice" name="bandSlice"/>

      <!-- DaCHS 2.7 labels its SODA service-descriptor rows "#proc".  Many
        archives (CADC, ...) use "#cutout", so add one "#cutout" row per
        dataset pointing at the same sync SODA descriptor.  DaCHS names
        the descriptor RESOURCEs procsvc, procsvc0, procsvc1, ... in the
        order of its endpoint list (dlget then dlasync per dataset), which
        is being built in adaptForRenderer while this runs. -->
      <metaMaker name="cutoutLink" semantics="#cutout">
        <setup>
          <code>
            from gavo import utils as gavoutils
          </code>
        </setup>
        <code>
          try:
            k = len(gavoutils.stealVar("endpoints"))
          except ValueError:
            return
          yield descriptor.makeLink(None,
            serviceType="procsvc" if k==0 else "procsvc%d"%(k-1),
            description="SODA sync cutout service for this dataset",
            semantics="#cutout")
        </code>
      </metaMaker>

      <FEED source="//soda#fits_Geometries"/>
      <dataFunction procDef="//soda#fits_doWCSCutout" name="doWCSCutout"/>
      <FEED source="//soda#fits_genPixelPar"/>
      <FEED source="//soda#fits_genKindPar"/>

      <!-- not //soda#fits_formatHDUs: that answers POST with HTTP 500;
        write the HDU list to memory instead (fine for these small files) -->
      <dataFormatter name="formatHDUsInMemory">
        <code>
          import io
          buf = io.BytesIO()
          descriptor.data.writeto(buf)
          for closable in getattr(descriptor, "toClose", []):
            closable.close()
          return ("image/fits", buf.getvalue())
        </code>
      </dataFormatter>
    </datalinkCore>
  </service>

  <!-- a service only members of the group "astrolabe" may use (HTTP Basic) -->
  <service id="restricted" allowed="form,scs.xml" limitTo="astrolabe">
    <meta name="title">Astrolabe restricted cone search</meta>
    <meta name="shortName">astrolabe rscs</meta>
    <meta name="description">The synthetic sources cone search, restricted
      to members of the group astrolabe (HTTP Basic authentication).</meta>
    <meta name="testQuery.ra">180.005</meta>
    <meta name="testQuery.dec">0.005</meta>
    <meta name="testQuery.sr">0.025</meta>
    <scsCore queriedTable="sources">
      <FEED source="//scs#coreDescs"/>
    </scsCore>
  </service>
</resource>
