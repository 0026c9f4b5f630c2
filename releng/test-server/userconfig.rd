<!-- Astrolabe test server: site overrides of DaCHS' //userconfig
(installed by import.sh as /var/gavo/etc/userconfig.rd).  Items not defined
here are taken from DaCHS' own userconfig. -->
<resource schema="__system">
	<STREAM id="tapexamples">
		<doc>TAP examples (served at /tap/examples)</doc>

		<meta name="_example" title="Count all sources">
			The synthetic catalogue :taptable:`astrolabe.sources` has exactly
			1000000 rows.

			.. tapquery::

				SELECT COUNT(*) AS n FROM astrolabe.sources
		</meta>

		<meta name="_example" title="Cone on the source grid">
			A cone of 0.025 degrees around a grid point of
			:taptable:`astrolabe.sources` contains exactly 21 sources.

			.. tapquery::

				SELECT source_id, ra, dec, mag, src_class
				FROM astrolabe.sources
				WHERE 1=CONTAINS(POINT('ICRS', ra, dec),
				  CIRCLE('ICRS', 180.005, 0.005, 0.025))
		</meta>

		<meta name="_example" title="Images and cube in ObsCore">
			The test products published in :taptable:`ivoa.ObsCore`.

			.. tapquery::

				SELECT obs_publisher_did, dataproduct_type, access_url
				FROM ivoa.ObsCore
				WHERE obs_collection='astrolabe-sim'
				ORDER BY obs_publisher_did
		</meta>
	</STREAM>
</resource>
